package io.harnessdeployer.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the deploy tests on the emulator: one emulator for the whole test JVM (reset before each
 * test), a fresh time-skipping test server per test, the real activities built by {@code
 * ActivityDeps}, and the control-API assertions every test makes.
 */
abstract class EmulatorDeployTest {
  static final EmulatedAws AWS = Shared.AWS;
  static final EmulatorControl CONTROL = AWS.control;
  static final StepFaults FAULTS = new StepFaults(CONTROL);

  @RegisterExtension static final TestWorkflowExtension ext = DeployE2E.extension(FAULTS);

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
    return DeployE2E.request(AWS);
  }

  DeployWorkflow stub(DeployRequest req) {
    return DeployE2E.stub(client, options, req);
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

  /** The emulator's live resources are exactly {@code expected}. */
  static void assertLive(Set<CloudResource> expected) {
    assertEquals(sorted(expected), sorted(CONTROL.live()), () -> "all resources: " + CONTROL.statuses());
  }

  /** Everything the emulator holds, live or deleted, is exactly {@code expected} with these statuses. */
  static void assertAll(Map<CloudResource, String> expected) {
    assertEquals(new TreeMap<>(byName(expected)), new TreeMap<>(byName(CONTROL.statuses())));
  }

  private static Set<String> sorted(Set<CloudResource> resources) {
    return new TreeSet<>(resources.stream().map(CloudResource::toString).toList());
  }

  private static Map<String, String> byName(Map<CloudResource, String> m) {
    Map<String, String> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  /** One emulator per test JVM: starting it per class would cost more than all resets together. */
  private static final class Shared {
    static final EmulatedAws AWS = new EmulatedAws();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(AWS::close, "emulator-close"));
    }
  }
}
