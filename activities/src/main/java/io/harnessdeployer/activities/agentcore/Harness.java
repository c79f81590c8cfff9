package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A harness as the control plane describes it. The commonly read members are fields; the whole
 * document (model, tools, environment, …) stays available as {@code document}.
 */
public record Harness(
    String harnessId,
    String harnessName,
    String arn,
    String status,
    String harnessVersion,
    String executionRoleArn,
    Instant createdAt,
    Instant updatedAt,
    String failureReason,
    JsonNode document) {

  private static final Set<String> FAILED = Set.of("CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED");

  public boolean ready() {
    return "READY".equals(status);
  }

  public boolean failed() {
    return FAILED.contains(status);
  }

  static Harness from(JsonNode h) {
    return new Harness(text(h, "harnessId"), text(h, "harnessName"), text(h, "arn"), text(h, "status"),
        text(h, "harnessVersion"), text(h, "executionRoleArn"), time(h, "createdAt"), time(h, "updatedAt"),
        text(h, "failureReason"), h);
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** restJson1 DateTimestamp is ISO-8601; tolerate epoch seconds as well. */
  static Instant time(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isNumber()) return Instant.ofEpochMilli(Math.round(v.asDouble() * 1000));
    return OffsetDateTime.parse(v.asText()).toInstant();
  }
}
