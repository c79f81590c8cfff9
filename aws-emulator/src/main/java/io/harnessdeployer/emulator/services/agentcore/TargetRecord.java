package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Gateway target. It turns READY only once the gateway could reach its MCP server (see {@link RuntimeReach}). */
final class TargetRecord {
  final String id;
  final String name;
  final String gatewayArn;
  final Instant createdAt;
  final Lifecycle life;
  final Map<String, Object> spec;
  List<String> statusReasons = List.of();
  Instant lastSynchronizedAt;

  TargetRecord(String id, String name, String gatewayArn, Map<String, Object> spec, Instant now, Instant settles) {
    this.id = id;
    this.name = name;
    this.gatewayArn = gatewayArn;
    this.spec = spec;
    this.createdAt = now;
    this.life = new Lifecycle("CREATING", now, settles);
  }

  Map<String, Object> targetConfiguration() {
    return Values.map(spec.get("targetConfiguration"));
  }

  List<Object> credentialProviderConfigurations() {
    return Values.list(spec.get("credentialProviderConfigurations"));
  }

  Map<String, Object> output() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gatewayArn", gatewayArn);
    out.put("targetId", id);
    out.put("name", name);
    out.put("createdAt", createdAt);
    out.put("updatedAt", life.updatedAt);
    out.put("status", life.status);
    if (!statusReasons.isEmpty()) out.put("statusReasons", statusReasons);
    Values.putIf(out, "description", spec.get("description"));
    out.put("targetConfiguration", Values.copy(spec.get("targetConfiguration")));
    out.put("credentialProviderConfigurations", Values.copy(credentialProviderConfigurations()));
    Values.putIf(out, "metadataConfiguration", Values.copy(spec.get("metadataConfiguration")));
    Values.putIf(out, "lastSynchronizedAt", lastSynchronizedAt);
    return out;
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("targetId", id);
    out.put("name", name);
    out.put("status", life.status);
    Values.putIf(out, "description", spec.get("description"));
    out.put("createdAt", createdAt);
    out.put("updatedAt", life.updatedAt);
    Values.putIf(out, "lastSynchronizedAt", lastSynchronizedAt);
    return out;
  }

  String listKey() {
    return String.format("%020d%09d|%s", createdAt.getEpochSecond(), createdAt.getNano(), id);
  }
}
