package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack in this JVM (test server, emulator, worker); {@code client deploy} and {@code
 * client status} as separate processes that know only what a user's shell would tell them.
 */
class EndToEndTest {
  @TempDir static Path dir;
  static LocalStack stack;
  static EmulatorControl aws;
  static WorkflowServiceStubs temporal;

  @BeforeAll
  static void startLocalStack() {
    stack = LocalStack.builder().temporalPort(0).awsPort(0).worker(E2e.sealKey())
        .discovery(new LocalStackFile(dir.resolve("state"))).start();
    aws = new EmulatorControl(stack.awsEndpoint());
    temporal = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalAddress()).build());
  }

  @AfterAll
  static void stop() {
    temporal.shutdownNow();
    stack.close();
  }

  @Test
  void deployProcess_endsWithTheSummary_statusSaysReady_everyResourceCreatedOnce() throws Exception {
    Map<String, String> env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
    long started = System.nanoTime();
    ChildJava deploy = ChildJava.start(dir, "deploy", env, Main.class.getName(), "deploy", "--name", "e2e", "--yes");
    assertEquals(ExitCodes.OK, deploy.waitFor(Duration.ofSeconds(90)), deploy.toString());
    System.out.printf("e2e: client deploy process took %d ms%n", (System.nanoTime() - started) / 1_000_000);

    String out = deploy.out();
    assertTrue(out.startsWith("Deployed us-east-1/e2e\n"), out);
    Matcher harness = find(out, "\n  Harness ARN +(arn:aws:bedrock-agentcore:us-east-1:123456789012:harness/"
        + "(" + E2e.names("e2e").harness() + "-[A-Za-z0-9]{10}))\n");
    Matcher mcp = find(out, "\n  MCP URL +https://([a-z0-9-]+\\.ecs\\.us-east-1\\.on\\.aws)/mcp\n");
    assertTrue(out.contains("\n  Harness              " + harness.group(2) + " (" + E2e.names("e2e").harness() + ", READY)\n"), out);
    assertTrue(deploy.err().contains("DONE         Harness READY"), "progress on stderr: " + deploy.err());
    assertNoSecret(out + deploy.err());

    ChildJava status = ChildJava.start(dir, "status", env, Main.class.getName(),
        "status", "--name", "e2e", "--output", "json");
    assertEquals(ExitCodes.OK, status.waitFor(Duration.ofSeconds(60)), status.toString());
    JsonNode s = new ObjectMapper().readTree(status.out());
    assertEquals("SUCCEEDED", s.path("status").asText(), status.out());
    assertEquals("READY", s.path("harness").path("status").asText(), status.out());
    assertEquals(harness.group(2), s.path("harness").path("id").asText());
    assertEquals(harness.group(1), s.path("harness").path("arn").asText());
    assertEquals("ACTIVE", s.path("service").path("status").asText(), status.out());
    assertEquals(mcp.group(1), s.path("service").path("endpoint").asText());
    assertEquals("https://" + mcp.group(1) + "/mcp", s.path("summary").path("mcpUrl").asText());

    assertEquals(E2e.resources("e2e"), aws.resources());
    assertEquals(E2e.creates("e2e"), aws.createCalls());
    assertNoSecret(aws.rawRequests());

    // the search attributes client dev registers took the workflow's upserts
    WorkflowClient client = WorkflowClient.newInstance(temporal, WorkflowClientOptions.newBuilder().build());
    io.temporal.common.SearchAttributes sa = client
        .newUntypedWorkflowStub(new DeploymentKey("us-east-1", "e2e").workflowId()).describe().getTypedSearchAttributes();
    assertEquals("e2e", sa.get(SearchAttributes.DEPLOYMENT));
    assertEquals("us-east-1", sa.get(SearchAttributes.REGION));
    assertEquals("SUCCEEDED", sa.get(SearchAttributes.STATUS));
    assertEquals("harness-ready", sa.get(SearchAttributes.STEP));
  }

  @Test
  void badInputProcess_exitsTwo_withOneErrorLine_andStartsNoWorkflow() throws Exception {
    Map<String, String> env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
    ChildJava deploy = ChildJava.start(dir, "bad-deploy", env, Main.class.getName(),
        "deploy", "--name", "e2e-bad", "--harness-name", "zscaler-mcp-harness", "--yes");

    assertEquals(ExitCodes.BAD_INPUT, deploy.waitFor(Duration.ofSeconds(60)), deploy.toString());
    List<String> errors = deploy.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(1, errors.size(), deploy.err());
    assertTrue(errors.get(0).contains("harness name") && errors.get(0).contains("--harness-name"), errors.get(0));
    assertEquals("", deploy.out());
    WorkflowClient client = WorkflowClient.newInstance(temporal, WorkflowClientOptions.newBuilder().build());
    assertThrows(WorkflowNotFoundException.class, () -> client.newUntypedWorkflowStub(
        new DeploymentKey("us-east-1", "e2e-bad").workflowId(), Optional.empty(), Optional.empty()).describe());
  }

  static void assertNoSecret(String text) {
    assertFalse(text.contains(E2e.CLIENT_SECRET), "plaintext client secret");
    assertFalse(text.contains(E2e.BASIC), "Basic header value");
  }

  private static Matcher find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex + " in\n" + text);
    return m;
  }
}
