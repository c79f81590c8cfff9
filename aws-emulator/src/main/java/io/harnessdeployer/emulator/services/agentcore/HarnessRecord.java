package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One harness and its clock-driven lifecycle: CREATING or UPDATING settle to READY (or *_FAILED when
 * the execution role vanished meanwhile), DELETING settles to gone. Transitions are applied lazily by
 * {@link #settle} whenever the state is read, so no timer threads exist.
 */
final class HarnessRecord {
  /** The request members that make up a harness's configuration, echoed in every {@code Harness}. */
  static final List<String> SPEC_MEMBERS =
      List.of("executionRoleArn", "model", "systemPrompt", "tools", "skills", "allowedTools", "truncation",
          "environment", "environmentArtifact", "environmentVariables", "authorizerConfiguration", "memory",
          "maxIterations", "maxTokens", "timeoutSeconds");

  final String id;
  final String name;
  final String arn;
  final String accountId;
  final Instant createdAt;
  Instant updatedAt;
  String status;
  String failureReason;
  private Instant settlesAt;
  private int version = 1;
  private final Map<Integer, Map<String, Object>> versions = new TreeMap<>();

  HarnessRecord(String id, String name, String arn, String accountId, Map<String, Object> spec, Instant now, Instant settlesAt) {
    this.id = id;
    this.name = name;
    this.arn = arn;
    this.accountId = accountId;
    this.createdAt = now;
    this.updatedAt = now;
    this.status = "CREATING";
    this.settlesAt = settlesAt;
    versions.put(version, spec);
  }

  int version() {
    return version;
  }

  /** The configuration of the latest version. */
  Map<String, Object> spec() {
    return versions.get(version);
  }

  boolean busy() {
    return status.equals("CREATING") || status.equals("UPDATING");
  }

  /** A new version with {@code spec}; UPDATING until {@code settles}. */
  void update(Map<String, Object> spec, Instant now, Instant settles) {
    version++;
    versions.put(version, spec);
    status = "UPDATING";
    failureReason = null;
    updatedAt = now;
    settlesAt = settles;
  }

  void delete(Instant now, Instant settles) {
    status = "DELETING";
    updatedAt = now;
    settlesAt = settles;
  }

  /** Applies a transition whose time has come; true once a deleted harness is gone. */
  boolean settle(Instant now, Predicate<String> roleExists) {
    if (settlesAt == null || now.isBefore(settlesAt)) return false;
    Instant at = settlesAt;
    settlesAt = null;
    if (status.equals("DELETING")) return true;
    String role = (String) spec().get("executionRoleArn");
    if (roleExists.test(role)) {
      status = "READY";
    } else {
      status = status.equals("CREATING") ? "CREATE_FAILED" : "UPDATE_FAILED";
      failureReason = "Role validation failed for '" + role + "': the role no longer exists.";
    }
    updatedAt = at;
    return false;
  }

  /** The {@code Harness} structure; {@code atVersion} null for the latest. Empty if no such version. */
  Map<String, Object> output(Integer atVersion) {
    Map<String, Object> spec = versions.get(atVersion == null ? version : atVersion);
    if (spec == null) return null;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("harnessId", id);
    out.put("harnessName", name);
    out.put("arn", arn);
    out.put("status", status);
    out.put("harnessVersion", String.valueOf(atVersion == null ? version : atVersion));
    out.put("createdAt", createdAt);
    out.put("updatedAt", updatedAt);
    for (String m : SPEC_MEMBERS) Values.putIf(out, m, Values.copy(spec.get(m)));
    Values.putIf(out, "failureReason", failureReason);
    return out;
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("harnessId", id);
    out.put("harnessName", name);
    out.put("arn", arn);
    out.put("status", status);
    out.put("createdAt", createdAt);
    out.put("updatedAt", updatedAt);
    out.put("harnessVersion", String.valueOf(version));
    return out;
  }

  /** Sorts by creation, then id: the order ListHarnesses pages in. */
  String listKey() {
    return String.format("%020d%09d|%s", createdAt.getEpochSecond(), createdAt.getNano(), id);
  }
}
