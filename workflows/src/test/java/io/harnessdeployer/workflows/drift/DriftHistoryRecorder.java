package io.harnessdeployer.workflows.drift;

import io.harnessdeployer.workflows.deploy.DeployRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the drift histories the replay test replays. Run it only on purpose, for a new history
 * next to the old ones: {@code ./mvnw -o -q -B -pl workflows test -Dtest=DriftHistoryRecorder -DrecordHistories=true}.
 */
@EnabledIfSystemProperty(named = "recordHistories", matches = "true")
class DriftHistoryRecorder {
  /** One check: the secret deleted (what needs it NOT_CHECKED), the service's image changed. */
  @Test
  void recordCheck() throws Exception {
    FakeLive cloud = new FakeLive();
    try (DriftRig rig = new DriftRig(cloud.all())) {
      DeployRequest req = DriftRig.request(null).build();
      cloud.seed(req);
      cloud.live.remove(req.names().secret());
      cloud.edit(req.names().harness(), "modelId", "another-model");
      rig.checkOnce(req, false);
      Files.writeString(Path.of("src/test/resources/" + DriftReplayTest.CHECK),
          rig.client.fetchHistory(io.harnessdeployer.workflows.drift.DriftIds.checkId(req.key())).toJson(true));
    }
  }
}
