package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One AgentCore Runtime: versioned configuration and its {@link Lifecycle}. */
final class RuntimeRecord {
  /** The request members that make up a runtime's configuration, echoed by GetAgentRuntime. */
  static final List<String> SPEC_MEMBERS =
      List.of("agentRuntimeArtifact", "roleArn", "networkConfiguration", "protocolConfiguration", "environmentVariables",
          "authorizerConfiguration", "requestHeaderConfiguration", "lifecycleConfiguration", "description",
          "filesystemConfigurations", "metadataConfiguration", "capacityProviderConfiguration");

  final String id;
  final String name;
  final String arn;
  final String accountId;
  final String region;
  final Instant createdAt;
  final Map<String, Object> workloadIdentity;
  final Lifecycle life;
  String failureReason;
  private int version = 1;
  private final Map<Integer, Map<String, Object>> versions = new TreeMap<>();

  RuntimeRecord(String id, String name, String arn, String accountId, String region, Map<String, Object> workloadIdentity,
      Map<String, Object> spec, Instant now, Instant settles) {
    this.id = id;
    this.name = name;
    this.arn = arn;
    this.accountId = accountId;
    this.region = region;
    this.workloadIdentity = workloadIdentity;
    this.createdAt = now;
    this.life = new Lifecycle("CREATING", now, settles);
    versions.put(version, spec);
  }

  int version() {
    return version;
  }

  Map<String, Object> spec() {
    return versions.get(version);
  }

  void update(Map<String, Object> spec, Instant now, Instant settles) {
    version++;
    versions.put(version, spec);
    failureReason = null;
    life.begin("UPDATING", now, settles);
  }

  /** GetAgentRuntime; {@code atVersion} null for the latest; null if there is no such version. */
  Map<String, Object> output(Integer atVersion) {
    Map<String, Object> spec = versions.get(atVersion == null ? version : atVersion);
    if (spec == null) return null;
    Map<String, Object> out = head();
    out.put("agentRuntimeName", name);
    out.put("agentRuntimeVersion", String.valueOf(atVersion == null ? version : atVersion));
    out.put("lastUpdatedAt", life.updatedAt);
    for (String m : SPEC_MEMBERS) Values.putIf(out, m, Values.copy(spec.get(m)));
    Values.putIf(out, "failureReason", failureReason);
    return out;
  }

  /** What CreateAgentRuntime and UpdateAgentRuntime answer. */
  Map<String, Object> head() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agentRuntimeArn", arn);
    out.put("agentRuntimeId", id);
    out.put("agentRuntimeVersion", String.valueOf(version));
    out.put("createdAt", createdAt);
    out.put("lastUpdatedAt", life.updatedAt);
    out.put("status", life.status);
    out.put("workloadIdentityDetails", Values.copy(workloadIdentity));
    return out;
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agentRuntimeArn", arn);
    out.put("agentRuntimeId", id);
    out.put("agentRuntimeVersion", String.valueOf(version));
    out.put("agentRuntimeName", name);
    Object description = spec().get("description");
    out.put("description", description == null ? "" : description);
    out.put("lastUpdatedAt", life.updatedAt);
    out.put("status", life.status);
    return out;
  }

  String listKey() {
    return String.format("%020d%09d|%s", createdAt.getEpochSecond(), createdAt.getNano(), id);
  }
}
