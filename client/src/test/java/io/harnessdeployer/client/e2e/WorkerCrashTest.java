package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.client.temporal.TemporalConnector;
import io.harnessdeployer.worker.WorkerMain;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.DeployWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the worker process while it waits for the ECS service to turn ACTIVE: the
 * deploy finishes on a new worker process, and nothing is created twice. The emulator keeps the
 * service ACTIVATING for 8 s so the kill surely lands inside the wait; the poll activity's
 * heartbeat timeout (30 s) decides when the new worker takes the wait over. The workers run without
 * a sticky queue: a real server hands a dead worker's sticky workflow tasks back after 5 s, the test
 * server never does.
 */
class WorkerCrashTest {
  @TempDir Path dir;

  @Test
  void workerKilledInsideAwaitServiceActive_newWorkerFinishes_noCreateCalledTwice() throws Exception {
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0).latency("instant,ecs.activate=8s")
        .discovery(new LocalStackFile(dir.resolve("state"))).start()) { // no worker in this JVM
      Map<String, String> env = new HashMap<>(E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString()));
      env.put("HARNESS_DEPLOYER_STICKY_WORKFLOWS", "false"); // the test server never frees a dead worker's sticky queue
      EmulatorControl aws = new EmulatorControl(stack.awsEndpoint());
      WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalAddress()).build());
      WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
      String workflowId = new DeploymentKey("us-east-1", "crash").workflowId();
      try (ChildJava first = ChildJava.start(dir, "worker-1", env, WorkerMain.class.getName())) {
        CliContext cli = CliRun.context(dir, env, Prompter.NONE, TemporalConnector.grpc());
        CliRun started = CliRun.run(cli, "deploy", "--name", "crash", "--yes", "--no-wait");
        assertEquals(ExitCodes.OK, started.exitCode(), started.toString());

        assertTrue(E2e.await(Duration.ofSeconds(60),
                () -> !aws.requests("DescribeExpressGatewayService").isEmpty()),
            "worker 1 never polled the service\n" + first);
        DeployWorkflow deploy = client.newWorkflowStub(DeployWorkflow.class, workflowId);
        assertEquals("service-active", deploy.progress().currentStep(), "the kill must land inside the wait");
        first.kill();
        assertFalse(first.alive());
      }
      long killedAt = System.nanoTime();

      try (ChildJava second = ChildJava.start(dir, "worker-2", env, WorkerMain.class.getName())) {
        DeploySummary summary;
        try {
          summary = client.newUntypedWorkflowStub(workflowId).getResult(90, TimeUnit.SECONDS, DeploySummary.class);
        } catch (TimeoutException e) {
          throw new AssertionError("the deploy did not finish on worker 2; history:\n"
              + client.fetchHistory(workflowId).getEvents().stream().map(ev -> ev.getEventId() + " " + ev.getEventType())
                  .collect(Collectors.joining("\n")) + "\n" + second, e);
        }
        System.out.printf("crash: the deploy finished %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);
        assertEquals("READY", summary.harnessStatus());

        assertEquals(E2e.creates("crash"), aws.createCalls());
        assertEquals(E2e.resources("crash"), aws.resources());
        ActivityTaskStartedEventAttributes wait = startedAttempt(client, workflowId, "AwaitServiceActive");
        assertEquals(2, wait.getAttempt(), "attempt 1 died with worker 1, attempt 2 finished: " + wait);
        assertTrue(wait.getIdentity().startsWith(second.pid() + "@"), "worker 2 finished the wait: " + wait.getIdentity());
      } finally {
        service.shutdownNow();
      }
    }
  }

  /** The started event of the (only) activity of this type: it carries the attempt that completed it. */
  private static ActivityTaskStartedEventAttributes startedAttempt(WorkflowClient client, String workflowId, String type) {
    List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
    long scheduled = events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(type))
        .mapToLong(HistoryEvent::getEventId).findFirst().orElseThrow();
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
            && e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled)
        .map(HistoryEvent::getActivityTaskStartedEventAttributes).findFirst().orElseThrow();
  }
}
