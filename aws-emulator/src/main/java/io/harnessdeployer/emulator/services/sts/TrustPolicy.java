package io.harnessdeployer.emulator.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.emulator.runtime.Caller;
import io.harnessdeployer.emulator.services.common.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whether a role's trust policy lets a caller assume it, as IAM evaluates the common shapes: an
 * Allow statement for {@code sts:AssumeRole} whose {@code Principal.AWS} names the caller's account
 * (id or {@code :root}), its ARN, or {@code *}; every condition must hold, and the only condition
 * understood is {@code StringEquals} on {@code sts:ExternalId} (any other one does not hold). A
 * matching Deny wins. Service principals never match a caller with keys.
 */
final class TrustPolicy {
  private TrustPolicy() {}

  static boolean allows(String document, Caller caller, String externalId) {
    JsonNode policy = Json.parse(document).orElse(null);
    if (policy == null) return false;
    boolean allowed = false;
    for (JsonNode statement : list(policy.get("Statement"))) {
      if (!actionMatches(statement.get("Action")) || !principalMatches(statement.get("Principal"), caller)) continue;
      boolean conditions = conditionsHold(statement.get("Condition"), externalId);
      String effect = statement.path("Effect").asText();
      if (effect.equals("Deny") && conditions) return false;
      if (effect.equals("Allow") && conditions) allowed = true;
    }
    return allowed;
  }

  private static boolean actionMatches(JsonNode action) {
    for (JsonNode a : list(action)) {
      String v = a.asText();
      if (v.equals("*") || v.equalsIgnoreCase("sts:*") || v.equalsIgnoreCase("sts:AssumeRole")) return true;
    }
    return false;
  }

  private static boolean principalMatches(JsonNode principal, Caller caller) {
    if (principal == null) return false;
    if (principal.isTextual()) return principal.asText().equals("*");
    for (JsonNode p : list(principal.get("AWS"))) {
      String v = p.asText();
      if (v.equals("*") || v.equals(caller.accountId()) || v.equals("arn:aws:iam::" + caller.accountId() + ":root")
          || v.equals(caller.arn())) {
        return true;
      }
    }
    return false;
  }

  private static boolean conditionsHold(JsonNode condition, String externalId) {
    if (condition == null || condition.isEmpty()) return true;
    Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> operator = operators.next();
      Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields();
      while (keys.hasNext()) {
        Map.Entry<String, JsonNode> key = keys.next();
        if (!operator.getKey().equals("StringEquals") || !key.getKey().equalsIgnoreCase("sts:ExternalId")) return false;
        boolean any = false;
        for (JsonNode v : list(key.getValue())) any |= v.asText().equals(externalId);
        if (!any) return false;
      }
    }
    return true;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull()) return out;
    if (node.isArray()) node.forEach(out::add);
    else out.add(node);
    return out;
  }
}
