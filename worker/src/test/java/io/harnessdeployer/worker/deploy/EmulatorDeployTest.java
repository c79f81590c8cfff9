package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.deploy.DeployProgress;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.harnessdeployer.workflows.deploy.DeployWorkflowImpl;
import io.harnessdeployer.workflows.progress.StepState;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the deploy tests on the emulator: one emulator for the whole test JVM (reset before each
 * test), a fresh time-skipping test server per test running the deploy workflow and the real
 * activities built by {@code ActivityDeps}, and the control-API assertions every test makes.
 */
abstract class EmulatorDeployTest {
  static final String DEPLOYMENT = "e2e";
  static final EmulatedAws AWS = Shared.AWS;
  static final EmulatorControl CONTROL = AWS.control;
  static final StepFaults FAULTS = new StepFaults(CONTROL);

  @RegisterExtension static final TestWorkflowExtension ext = extension();

  TestWorkflowEnvironment env;
  WorkflowClient client;
  WorkflowOptions options;

  @BeforeEach
  void startOnACleanCloud(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    CONTROL.reset();
    FAULTS.disarm();
    worker.registerActivitiesImplementations(AWS.deps.activities().toArray());
    env.start();
    this.env = env;
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  DeployRequest.Builder request() {
    return DeployRequest.builder(DEPLOYMENT, EmulatedAws.REGION, AWS.sealedCredentials())
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"));
  }

  DeployWorkflow stub(DeployRequest req) {
    return client.newWorkflowStub(DeployWorkflow.class, WorkflowOptions.newBuilder(options)
        .setWorkflowId(req.key().workflowId())
        .setWorkflowRunTimeout(Duration.ofHours(3))
        .build());
  }

  DeploySummary deploy(DeployRequest req) {
    return stub(req).deploy(req);
  }

  /** Starts the deploy without waiting for it. */
  DeployWorkflow start(DeployRequest req) {
    DeployWorkflow wf = stub(req);
    WorkflowClient.start(wf::deploy, req);
    return wf;
  }

  /**
   * Waits until the deploy reports {@code status}, advancing the test server's clock in small
   * steps: nothing waits on the workflow's result, so time would not skip by itself (IAM timers).
   */
  DeployProgress awaitStatus(DeployWorkflow wf, DeployStatus status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DeployProgress last = null;
    while (System.nanoTime() < deadline) {
      last = wf.progress();
      if (last.status() == status) {
        return last;
      }
      env.sleep(Duration.ofSeconds(2));
    }
    return fail("deploy never reached " + status + "; last progress: " + last);
  }

  static StepState step(DeployProgress progress, String id) {
    return progress.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** The emulator's live resources are exactly {@code expected}. */
  static void assertLive(Set<CloudResource> expected) {
    assertEquals(names(expected), names(CONTROL.live()), () -> "all resources: " + CONTROL.statuses());
  }

  /** Everything the emulator holds, live or deleted, is exactly {@code expected}, with these statuses. */
  static void assertHoldsExactly(Map<CloudResource, String> expected) {
    assertEquals(byName(expected), byName(CONTROL.statuses()));
  }

  private static Set<String> names(Set<CloudResource> resources) {
    return new TreeSet<>(resources.stream().map(CloudResource::toString).toList());
  }

  private static Map<String, String> byName(Map<CloudResource, String> statuses) {
    Map<String, String> out = new TreeMap<>();
    statuses.forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  /** Time-skipping test server, the deploy workflow, our search attributes, the fault trigger. */
  private static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder b = TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(
            // a bug in workflow code fails the test instead of retrying the workflow task forever
            WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(NullPointerException.class, IllegalStateException.class,
                    IllegalArgumentException.class, ClassCastException.class)
                .build(),
            DeployWorkflowImpl.class)
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(FAULTS, new io.harnessdeployer.activities.aws.ScopedRole()).build())
        // a loaded 2-core machine may take over 1 s to load classes in the first workflow task
        .setWorkerOptions(WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(15_000).build())
        .setDoNotStart(true);
    SearchAttributes.ALL.forEach(
        k -> b.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return b.build();
  }

  /** One emulator per test JVM: starting one per class would cost more than all resets together. */
  private static final class Shared {
    static final EmulatedAws AWS = new EmulatedAws();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(AWS::close, "emulator-close"));
    }
  }
}
