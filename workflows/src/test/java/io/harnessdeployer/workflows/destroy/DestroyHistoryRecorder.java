package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.destroy.FakeCloud.Fault;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Re-records the checked-in destroy history the replay test replays. Run it only on purpose, for a
 * new history next to the old ones (never overwrite a history to make a replay pass):
 * {@code ./mvnw -o -q -B -pl workflows test -Dtest=DestroyHistoryRecorder -DrecordHistories=true}.
 */
@EnabledIfSystemProperty(named = "recordHistories", matches = "true")
class DestroyHistoryRecorder {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  /**
   * The resource graph (resource-graph=1): a full deploy, then a destroy keeping the secret, with
   * the cluster draining for two tries and one role failing.
   */
  @Test
  void recordDestroyAfterDeploy(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options)
      throws Exception {
    FakeCloud cloud = new FakeCloud();
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    WorkflowClient client = env.getWorkflowClient();
    deploy(client, options, deployRequest().build());
    cloud.clusterBusyFor(2);
    cloud.fault("deleteRole:zscaler-mcp-ecs-infrastructure-role",
        new Fault(FailureTypes.ACCESS_DENIED, false, -1));
    DestroyRequest req = destroyRequest().keepSecret(true).build();
    destroy(client, options, req);
    Path out = Path.of("src/test/resources/" + DestroyReplayTest.GRAPH_AFTER_DEPLOY);
    Files.writeString(out, client.fetchHistory(req.key().workflowId()).toJson(true));
  }
}
