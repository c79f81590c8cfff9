package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One AgentCore Gateway: its configuration, {@link Lifecycle} and targets. */
final class GatewayRecord {
  /** The request members that make up a gateway's configuration, echoed by GetGateway. */
  static final List<String> SPEC_MEMBERS =
      List.of("name", "description", "roleArn", "protocolType", "authorizerType", "authorizerConfiguration",
          "protocolConfiguration", "exceptionLevel", "kmsKeyArn", "interceptorConfigurations", "policyEngineConfiguration",
          "customTransformConfiguration", "wafConfiguration");

  final String id;
  final String arn;
  final String url;
  final String accountId;
  final String region;
  final Instant createdAt;
  final Map<String, Object> workloadIdentity;
  final Lifecycle life;
  Map<String, Object> spec;
  List<String> statusReasons = List.of();
  /** By targetId, in creation order. */
  final Map<String, TargetRecord> targets = new LinkedHashMap<>();

  GatewayRecord(String id, String arn, String url, String accountId, String region, Map<String, Object> workloadIdentity,
      Map<String, Object> spec, Instant now, Instant settles) {
    this.id = id;
    this.arn = arn;
    this.url = url;
    this.accountId = accountId;
    this.region = region;
    this.workloadIdentity = workloadIdentity;
    this.spec = spec;
    this.createdAt = now;
    this.life = new Lifecycle("CREATING", now, settles);
  }

  String name() {
    return (String) spec.get("name");
  }

  Map<String, Object> output() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gatewayArn", arn);
    out.put("gatewayId", id);
    out.put("gatewayUrl", url);
    out.put("createdAt", createdAt);
    out.put("updatedAt", life.updatedAt);
    out.put("status", life.status);
    if (!statusReasons.isEmpty()) out.put("statusReasons", statusReasons);
    for (String m : SPEC_MEMBERS) Values.putIf(out, m, Values.copy(spec.get(m)));
    out.put("workloadIdentityDetails", Values.copy(workloadIdentity));
    return out;
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gatewayId", id);
    out.put("name", name());
    out.put("status", life.status);
    Values.putIf(out, "description", spec.get("description"));
    out.put("createdAt", createdAt);
    out.put("updatedAt", life.updatedAt);
    out.put("authorizerType", spec.get("authorizerType"));
    Values.putIf(out, "protocolType", spec.get("protocolType"));
    return out;
  }

  String listKey() {
    return String.format("%020d%09d|%s", createdAt.getEpochSecond(), createdAt.getNano(), id);
  }
}
