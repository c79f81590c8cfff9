package io.harnessdeployer.client.adopte2e;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.e2e.E2e;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.workflows.common.Names;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The takeover a user of the original tool goes through, in-process against the local stack (test
 * server, emulator, real worker): the original's deployment (ours, with our deployment and run
 * tags stripped, and no tags at all on the log group and harness, as the original leaves them),
 * its state file, {@code adopt --state-file}, a second adopt, a redeploy, status, and a destroy
 * that leaves zero resources.
 */
class AdoptEndToEndTest {
  static final Set<String> NEVER_TAGGED = Set.of("logs log-group", "bedrock-agentcore-control harness");
  static final Set<String> TOMBSTONES = Set.of("INACTIVE", "SCHEDULED_FOR_DELETION", "DELETE_IN_PROGRESS");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theOriginalsDeployment_adopted_redeployed_andDestroyed_leavesZeroResources() throws Exception {
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0).worker(E2e.sealKey())
        .discovery(new LocalStackFile(dir.resolve("state"))).start();
        AwsClients aws = new AwsClients(AwsSettings.endpoint(stack.awsEndpoint(), LocalStack.REGION,
            LocalStack.credentials()))) {
      Map<String, String> env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
      CliContext cli = CliRun.live(dir, env);
      URI endpoint = stack.awsEndpoint();

      CliRun original = CliRun.run(cli, "deploy", "--yes");
      assertEquals(ExitCodes.OK, original.exitCode(), original.toString());
      String harnessId = strip(aws, endpoint);
      Files.writeString(dir.resolve(".aws-harness-state.json"), state(harnessId));
      assertEquals(List.of(), taggedForUs(endpoint), "the original's resources lack our deployment tag");
      List<String> before = live(endpoint);

      // a resource another deployment owns refuses the whole adopt: nothing is written
      String logGroupArn = resources(endpoint).stream().filter(r -> r.path("type").asText().equals("log-group"))
          .findFirst().orElseThrow().path("arn").asText();
      aws.logs(LocalStack.REGION).tagResource(t -> t.resourceArn(logGroupArn).tags(Map.of(Names.TAG_DEPLOYMENT, "us-east-1/other")));
      long seq = lastSeq(endpoint);
      CliRun refused = CliRun.run(cli, "adopt", "--state-file", ".aws-harness-state.json", "--yes");
      System.out.println("$ client adopt --state-file .aws-harness-state.json --yes\n" + refused.err() + refused.out());
      assertEquals(ExitCodes.FAILED, refused.exitCode(), refused.toString());
      assertTrue(refused.out().lines().anyMatch(l -> l.matches(
          "  log-group +/ecs/zscaler-mcp +REFUSED +belongs to deployment us-east-1/other: refused")), refused.out());
      assertEquals(List.of(), writesAfter(endpoint, seq), "request log: no write");
      aws.logs(LocalStack.REGION).untagResource(u -> u.resourceArn(logGroupArn).tagKeys(Names.TAG_DEPLOYMENT));

      CliRun adopt = CliRun.run(cli, "adopt", "--state-file", ".aws-harness-state.json", "--yes");
      System.out.println("$ client adopt --state-file .aws-harness-state.json --yes\n" + adopt.err() + adopt.out());
      assertEquals(ExitCodes.OK, adopt.exitCode(), adopt.toString());
      assertTrue(adopt.err().contains("Adopt plan for us-east-1/zscaler_mcp_harness: 9 resource(s)"), adopt.err());
      assertTrue(adopt.out().startsWith("Adopted 9 resource(s) for us-east-1/zscaler_mcp_harness"), adopt.out());
      assertEquals(before.stream().filter(r -> !r.startsWith("ecs task-definition")).toList(), taggedForUs(endpoint),
          "every resource but the untagged revisions, which follow the service");

      CliRun again = CliRun.run(cli, "adopt", "--yes");
      System.out.println("$ client adopt --yes\n" + again.err() + again.out());
      assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
      assertTrue(again.out().startsWith("Nothing to tag for us-east-1/zscaler_mcp_harness"), again.out());

      CliRun status = CliRun.run(cli, "status");
      assertEquals(ExitCodes.OK, status.exitCode(), status.toString());
      assertTrue(status.out().contains("(AdoptWorkflow completed"), status.out());

      CliRun redeploy = CliRun.run(cli, "deploy", "--yes");
      assertEquals(ExitCodes.OK, redeploy.exitCode(), redeploy.toString());
      assertEquals(before, live(endpoint), "the redeploy worked on the adopted resources: nothing new");

      CliRun destroy = CliRun.run(cli, "destroy", "--yes");
      assertEquals(ExitCodes.OK, destroy.exitCode(), destroy.toString());
      assertTrue(destroy.out().startsWith("Destroyed us-east-1/zscaler_mcp_harness\n"), destroy.out());
      assertFalse(destroy.out().contains("not ours"), destroy.out());
      assertEquals(List.of(), live(endpoint), "zero resources remain");
    }
  }

  /** What the original writes after an ecs deploy with its defaults (spec §1.7). */
  private static String state(String harnessId) {
    return """
        {
          "region": "us-east-1",
          "harness_id": "%s",
          "harness_name": "zscaler_mcp_harness",
          "role_name": "zscaler-mcp-harness-execution-role",
          "credential_provider_name": "zscaler-mcp-creds",
          "mcp_host_kind": "ecs",
          "ecs_service_name": "zscaler-mcp-server",
          "ecs_cluster_name": "zscaler-mcp",
          "ecs_cluster_created_by_us": true,
          "ecs_execution_role_name": "zscaler-mcp-ecs-task-execution-role",
          "ecs_infrastructure_role_name": "zscaler-mcp-ecs-infrastructure-role",
          "ecs_log_group": "/ecs/zscaler-mcp",
          "zscaler_secret_name": "zscaler-mcp-harness/credentials",
          "zscaler_secret_managed_externally": false,
          "state_partial": false
        }
        """.formatted(harnessId);
  }

  /** Removes what our deploy adds and the original does not; returns the harness id. */
  private static String strip(AwsClients aws, URI endpoint) {
    String harnessId = null;
    List<String> ours = List.of(Names.TAG_DEPLOYMENT, Names.TAG_RUN);
    List<String> all = List.of(Names.TAG_MANAGED_BY, Names.TAG_INTEGRATION, Names.TAG_DEPLOYMENT, Names.TAG_RUN);
    for (JsonNode r : resources(endpoint)) {
      String kind = r.path("service").asText() + " " + r.path("type").asText();
      String arn = r.path("arn").asText();
      List<String> keys = NEVER_TAGGED.contains(kind) ? all : ours;
      switch (kind) {
        case "iam role" -> aws.iam().untagRole(u -> u.roleName(r.path("name").asText()).tagKeys(keys));
        case "secretsmanager secret" -> aws.secrets(LocalStack.REGION).untagResource(u -> u.secretId(arn).tagKeys(keys));
        case "logs log-group" -> aws.logs(LocalStack.REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
        case "ecs cluster", "ecs express-service" ->
            aws.ecs(LocalStack.REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
        case "bedrock-agentcore-control apikey-credential-provider", "bedrock-agentcore-control harness" -> {
          aws.agentCore(LocalStack.REGION).untagResource(u -> u.resourceArn(arn).tagKeys(keys));
          if (kind.endsWith("harness")) {
            harnessId = arn.substring(arn.lastIndexOf('/') + 1);
          }
        }
        default -> { } // task definitions: Express registers them untagged
      }
    }
    assertNotNull(harnessId, "the deploy made a harness");
    return harnessId;
  }

  private static List<String> live(URI endpoint) {
    List<String> out = new ArrayList<>();
    resources(endpoint).forEach(r -> out.add(r.path("service").asText() + " " + r.path("type").asText() + " "
        + r.path("name").asText()));
    out.sort(null);
    return out;
  }

  private static List<String> taggedForUs(URI endpoint) {
    List<String> out = new ArrayList<>();
    resources(endpoint).forEach(r -> {
      if (r.path("tags").has(Names.TAG_DEPLOYMENT)) {
        out.add(r.path("service").asText() + " " + r.path("type").asText() + " " + r.path("name").asText());
      }
    });
    out.sort(null);
    return out;
  }

  private static long lastSeq(URI endpoint) {
    long last = 0;
    for (JsonNode r : get(endpoint, "/_emulator/requests").path("requests")) {
      last = Math.max(last, r.path("seq").asLong());
    }
    return last;
  }

  /** The logged calls after {@code seq} that are not reads. */
  private static List<String> writesAfter(URI endpoint, long seq) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : get(endpoint, "/_emulator/requests").path("requests")) {
      String op = r.path("operation").asText();
      if (r.path("seq").asLong() > seq && !op.matches("(Get|Describe|List)[A-Za-z0-9]*")) {
        out.add(r.path("service").asText() + "." + op);
      }
    }
    return out;
  }

  /** The live resources (no tombstones) the emulator's control API lists. */
  private static List<JsonNode> resources(URI endpoint) {
    List<JsonNode> out = new ArrayList<>();
    get(endpoint, "/_emulator/resources").path("resources").forEach(r -> {
      if (!TOMBSTONES.contains(r.path("status").asText())) {
        out.add(r);
      }
    });
    return out;
  }

  private static JsonNode get(URI endpoint, String path) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
