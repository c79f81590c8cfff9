package io.harnessdeployer.workflows.common;

import io.harnessdeployer.workflows.steps.HarnessSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What of a harness the ensure keeps up to date and drift compares (spec §4.1–4.2): role, model,
 * the MCP tool's URL and its credential provider. Shared by the AgentCore activity and the harness
 * node's desired state. Pure.
 */
public final class HarnessShape {
  private HarnessShape() {}

  /** The tool's Authorization header: the whole {@code ${providerArn}} placeholder, never a key. */
  public static String authorization(String providerArn) {
    return "${" + providerArn + "}";
  }

  /** The provider ARN an Authorization header names; the header itself when it is no placeholder. */
  public static String providerOf(String authorization) {
    if (authorization != null && authorization.startsWith("${") && authorization.endsWith("}")) {
      return authorization.substring(2, authorization.length() - 1);
    }
    return authorization;
  }

  /** The compared properties, as the harness describe reports them. */
  public static Map<String, Object> of(HarnessSpec spec) {
    return of(spec.executionRoleArn(), spec.modelId(), spec.mcpUrl(), spec.providerArn());
  }

  public static Map<String, Object> of(String roleArn, String modelId, String mcpUrl, String providerArn) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executionRoleArn", roleArn);
    out.put("modelId", modelId);
    out.put("mcpUrl", mcpUrl);
    out.put("credentialProviderArn", providerArn);
    out.values().removeIf(v -> v == null);
    return out;
  }
}
