package io.harnessdeployer.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.TaskQueues;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.Outcome;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The worker's wiring end to end: {@link Workers#register} on a time-skipping test server, the real
 * activities, the real emulator. A deploy, then a rerun that adopts everything.
 */
class DeployEndToEndTest {
  static final String SECRET = "zs-secret-value-e2e-91";

  /** Shared by the emulator's lifecycles and the activities' waits; polls move it, nothing sleeps. */
  static final class SteppedClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  SteppedClock clock = new SteppedClock();
  Emulator emulator;
  AwsClients aws;
  TestWorkflowEnvironment env;
  SealKey key = SealKey.of(new byte[32], "test");

  @BeforeEach
  void start() {
    emulator = Emulator.builder().port(0)
        .settings(EmulatorSettings.defaults().withClock(clock)
            .withLatency(LatencyProfile.parse("instant,ecs.activate=60s,ecs.update=30s,harness.create=6s")))
        .build().start();
    aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(TaskQueues.DEPLOY);
    Polling polling = new Polling(clock, d -> clock.now.updateAndGet(t -> t.plus(d)), null);
    Workers.register(worker, new ActivityDeps(aws, key, emulator.endpoint(), polling));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    aws.close();
    emulator.close();
  }

  final List<io.temporal.api.common.v1.WorkflowExecution> runs = new java.util.ArrayList<>();

  DeploySummary deploy() {
    DeployRequest request = DeployRequest.builder("e2e", "us-east-1",
            new ZscalerCredentials("zs-id", SECRET, "cust-1", "acme", null).seal(key))
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"))
        .build();
    DeployWorkflow wf = env.getWorkflowClient().newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.DEPLOY).setWorkflowId(request.key().workflowId()).build());
    DeploySummary summary = wf.deploy(request);
    runs.add(io.temporal.client.WorkflowStub.fromTyped(wf).getExecution());
    return summary;
  }

  Map<String, Long> resourceCounts() {
    return emulator.handlers().stream().flatMap(h -> h.resources().stream())
        .filter(r -> !"INACTIVE".equals(r.status()) && !"DELETED".equals(r.status()))
        .collect(Collectors.groupingBy(r -> r.service() + ":" + r.type(), Collectors.counting()));
  }

  long creates(String service, String operation) {
    return emulator.requests().find(service, operation).stream().filter(e -> e.status() < 300).count();
  }

  @Test
  void deploy_thenRerun_createsEverythingOnce_andTheRerunAdoptsIt() throws Exception {
    DeploySummary first = deploy();
    assertEquals("READY", first.harnessStatus());
    assertTrue(first.mcpUrl().matches("https://zs-[0-9a-f]+\\.ecs\\.us-east-1\\.on\\.aws/mcp"), first.mcpUrl());
    assertTrue(first.resources().stream().allMatch(r -> r.outcome() == Outcome.CREATED), first.resources().toString());

    DeploySummary rerun = deploy();
    assertEquals(first.harnessId(), rerun.harnessId());
    assertEquals(first.serviceArn(), rerun.serviceArn());
    Map<String, Outcome> rerunOutcomes = rerun.resources().stream()
        .collect(Collectors.toMap(r -> r.step(), r -> r.outcome()));
    Map<String, Outcome> expected = new java.util.HashMap<>();
    first.resources().forEach(r -> expected.put(r.step(), Outcome.ADOPTED));
    expected.put("credential-provider", Outcome.UPDATED); // the stored key always follows the credentials
    assertEquals(expected, rerunOutcomes);

    assertEquals(3, creates("iam", "CreateRole"));
    assertEquals(1, creates("secretsmanager", "CreateSecret"));
    assertEquals(1, creates("ecs", "CreateCluster"));
    assertEquals(1, creates("logs", "CreateLogGroup"));
    assertEquals(1, creates("ecs", "CreateExpressGatewayService"));
    assertEquals(1, creates("ecs", "UpdateExpressGatewayService"), "only the allowed-hosts rollout");
    assertEquals(1, creates("bedrock-agentcore-control", "CreateApiKeyCredentialProvider"));
    assertEquals(1, creates("bedrock-agentcore-control", "CreateHarness"));

    Map<String, Long> counts = resourceCounts();
    assertEquals(1L, counts.get("ecs:express-service"), counts.toString());
    assertEquals(1L, counts.get("bedrock-agentcore-control:harness"), counts.toString());
    assertEquals(1L, counts.get("bedrock-agentcore-control:apikey-credential-provider"), counts.toString());

    String basic = java.util.Base64.getEncoder().encodeToString(("zs-id:" + SECRET).getBytes());
    assertEquals(2, runs.size());
    for (var run : runs) {
      String history = env.getWorkflowClient().fetchHistory(run.getWorkflowId(), run.getRunId()).toJson(false);
      assertTrue(history.contains("ensureService") || history.contains("EnsureService"), "a real history");
      assertFalse(history.contains(SECRET), "no plaintext secret in the workflow history");
      assertFalse(history.contains(basic), "no Basic header in the workflow history");
    }
    for (ResourceView r : emulator.handlers().stream().flatMap(h -> h.resources().stream()).toList()) {
      assertFalse(String.valueOf(r).contains(SECRET), r.toString());
    }
  }
}
