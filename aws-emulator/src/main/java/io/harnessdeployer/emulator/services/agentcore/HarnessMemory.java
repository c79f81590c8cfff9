package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.RequestContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A harness's memory and limits as the service keeps them: no memory member means managed memory
 * (the AWS documentation: memory is opt-out), managed memory gets its defaults and a read-only ARN,
 * and a limit must be positive (the model leaves it unconstrained; the service refuses zero).
 */
final class HarnessMemory {
  static final List<String> DEFAULT_STRATEGIES = List.of("SEMANTIC", "SUMMARIZATION");
  static final int DEFAULT_EXPIRY_DAYS = 30;
  static final List<String> LIMITS = List.of("maxIterations", "maxTokens", "timeoutSeconds");

  private HarnessMemory() {}

  /** The stored form of {@code memory}; {@code current} is the stored one an update replaces, else null. */
  static Map<String, Object> stored(RequestContext ctx, Ids ids, String harnessName, Map<String, Object> memory,
      Map<String, Object> current) {
    Map<String, Object> given = memory == null ? Map.of("managedMemoryConfiguration", Map.of()) : memory;
    Map<String, Object> managed = Values.map(given.get("managedMemoryConfiguration"));
    if (managed == null) {
      return Values.copy(given);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> was = current == null ? null : Values.map(current.get("managedMemoryConfiguration"));
    Object arn = was != null ? was.get("arn") : ctx.arn("bedrock-agentcore", "memory/" + harnessName + "_mem-" + ids.alnum(10));
    out.put("arn", arn);
    out.put("strategies", managed.get("strategies") != null ? Values.copy(managed.get("strategies")) : DEFAULT_STRATEGIES);
    out.put("eventExpiryDuration", managed.get("eventExpiryDuration") != null ? managed.get("eventExpiryDuration")
        : DEFAULT_EXPIRY_DAYS);
    Values.putIf(out, "encryptionKeyArn", managed.get("encryptionKeyArn"));
    return Map.of("managedMemoryConfiguration", out);
  }

  /** Each limit given must be at least 1. */
  static void checkLimits(Map<String, Object> input) {
    for (String limit : LIMITS) {
      Object v = input.get(limit);
      if (v instanceof Number n && n.longValue() < 1) {
        throw Errors.invalidField(limit, limit + " must be at least 1, got " + n + ".");
      }
    }
  }
}
