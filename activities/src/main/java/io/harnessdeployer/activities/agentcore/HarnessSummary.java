package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One ListHarnesses item. */
public record HarnessSummary(
    String harnessId, String harnessName, String arn, String status, String harnessVersion, Instant createdAt,
    Instant updatedAt) {

  static HarnessSummary from(JsonNode h) {
    return new HarnessSummary(Harness.text(h, "harnessId"), Harness.text(h, "harnessName"), Harness.text(h, "arn"),
        Harness.text(h, "status"), Harness.text(h, "harnessVersion"), Harness.time(h, "createdAt"),
        Harness.time(h, "updatedAt"));
  }
}
