package io.harnessdeployer.client.destroye2e;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.e2e.ChildJava;
import io.harnessdeployer.client.e2e.E2e;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import io.harnessdeployer.worker.WorkerMain;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.destroy.DestroyWorkflow;
import io.harnessdeployer.workflows.progress.StepState;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the worker process while a destroy waits for the ECS service to drain: a new
 * worker process finishes the destroy, the {@code client destroy} process that followed it all
 * along exits 0, and nothing of the deployment is left. The emulator keeps a deleted service
 * DRAINING for 8 s; the moment to kill is read from the emulator's request log (the first describe
 * after the delete), not guessed. The wait's heartbeat timeout (30 s) decides when the new worker
 * takes it over.
 */
class DestroyWorkerCrashTest {
  @TempDir Path dir;

  @Test
  void workerKilledWhileTheServiceDrains_newWorkerFinishesTheDestroy() throws Exception {
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0).latency("instant,ecs.drain=8s")
        .discovery(new LocalStackFile(dir.resolve("state"))).start()) { // no worker in this JVM
      Map<String, String> env = new HashMap<>(E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString()));
      env.put("HARNESS_DEPLOYER_STICKY_WORKFLOWS", "false"); // the test server never frees a dead worker's sticky queue
      Cloud cloud = new Cloud(stack.awsEndpoint());
      WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalAddress()).build());
      WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
      String workflowId = new DeploymentKey("us-east-1", "crash").workflowId();
      try (ChildJava first = ChildJava.start(dir, "worker-1", env, WorkerMain.class.getName())) {
        ChildJava deploy = ChildJava.start(dir, "deploy", env, Main.class.getName(), "deploy", "--name", "crash", "--yes");
        assertEquals(ExitCodes.OK, deploy.waitFor(Duration.ofSeconds(120)), deploy + "\n" + first);
        assertEquals(Deployed.all("crash", 1), cloud.live());

        long beforeDestroy = cloud.lastSeq();
        try (ChildJava destroy = ChildJava.start(dir, "destroy", env, Main.class.getName(), "destroy", "--name", "crash", "--yes")) {
          assertTrue(E2e.await(Duration.ofSeconds(60), () -> draining(cloud, beforeDestroy)),
              "worker 1 never waited for the service to drain\n" + first + "\n" + destroy);
          DestroyWorkflow wf = client.newWorkflowStub(DestroyWorkflow.class, workflowId);
          StepState drain = wf.progress().steps().stream().filter(s -> s.id().equals("service")).findFirst().orElseThrow();
          assertEquals("AwaitServiceGone", drain.activity(), "the kill must land inside the wait: " + drain);
          first.kill();
          assertFalse(first.alive());
          long killedAt = System.nanoTime();

          try (ChildJava second = ChildJava.start(dir, "worker-2", env, WorkerMain.class.getName())) {
            assertEquals(ExitCodes.OK, destroy.waitFor(Duration.ofSeconds(120)), destroy + "\n" + second);
            System.out.printf("destroy crash: finished %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);
            assertTrue(destroy.out().startsWith("Destroyed us-east-1/crash\n"), destroy.out());
            assertEquals(List.of(), cloud.live(), "nothing of the deployment is left");
            ActivityTaskStartedEventAttributes wait = startedAttempt(client, workflowId, "AwaitServiceGone");
            assertEquals(2, wait.getAttempt(), "attempt 1 died with worker 1, attempt 2 finished: " + wait);
            assertTrue(wait.getIdentity().startsWith(second.pid() + "@"),
                "worker 2 finished the wait: " + wait.getIdentity());
          }
        }
      } finally {
        service.shutdownNow();
      }
    }
  }

  /** The service was deleted and the wait has polled it at least once since. */
  private static boolean draining(Cloud cloud, long afterSeq) {
    List<String> calls = cloud.callsAfter(afterSeq);
    int deleted = calls.indexOf("ecs.DeleteExpressGatewayService");
    return deleted >= 0 && calls.subList(deleted + 1, calls.size()).contains("ecs.DescribeExpressGatewayService");
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
