package io.harnessdeployer.workflows.common;

import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What of a harness drift compares (spec §4.1–4.2), shared by the AgentCore activity's describe and
 * the harness node's desired state. Pure. Properties, by path:
 * <ul>
 *   <li>{@code executionRoleArn}
 *   <li>{@code model.modelId}, {@code model.maxTokens}, {@code model.temperature} (the Bedrock model config)
 *   <li>{@code systemPrompt[i]}: the text of each system prompt block
 *   <li>{@code tool.url}, {@code tool.headers.<name>}: the {@code remote_mcp} tool; a header value that is
 *       not a {@code ${…}} placeholder is {@link ContainerEnv#SEALED}, never itself
 *   <li>or {@code tool.gatewayArn}, {@code tool.providerArn}, {@code tool.scopes}, {@code tool.grantType}:
 *       the {@code agentcore_gateway} tool (§4.3)
 *   <li>{@link #CONFIGURED}: {@code memory} (as the API's union, without the managed memory's read-only
 *       {@code arn}), {@code maxIterations}, {@code maxTokens}, {@code timeoutSeconds}, {@code allowedTools}:
 *       what {@link HarnessConfig} declares; a limit it leaves out is null, "not set", and so is each
 *       of them without a config (histories before it)
 * </ul>
 */
public final class HarnessShape {
  private HarnessShape() {}

  public static final String AUTHORIZATION = "Authorization";

  /**
   * What {@link HarnessConfig} declares. Never dropped from the desired map: a null there is "not
   * set", so {@code Compare.drift} keeps the key and a live value is an ADD.
   */
  public static final List<String> CONFIGURED =
      List.of("memory", "maxIterations", "maxTokens", "timeoutSeconds", "allowedTools");

  /** The tool's Authorization header: the whole {@code ${providerArn}} placeholder, never a key. */
  public static String authorization(String providerArn) {
    return "${" + providerArn + "}";
  }

  /** A header value as drift shows it: a {@code ${…}} placeholder as itself, anything else sealed. */
  public static String shown(String header) {
    boolean placeholder = header != null && header.startsWith("${") && header.endsWith("}");
    return placeholder ? header : ContainerEnv.SEALED;
  }

  /** The desired state: what the ensure sends; of {@link #CONFIGURED}, what it does not send as null. */
  public static Map<String, Object> of(HarnessSpec spec) {
    Map<String, Object> tool = spec.gatewayTool()
        ? gatewayTool(spec.gateway().gatewayArn(), spec.gateway().oauthProviderArn(), spec.gateway().scopes(),
            Names.OAUTH_GRANT_CLIENT_CREDENTIALS)
        : tool(spec.mcpUrl(), Map.of(AUTHORIZATION, authorization(spec.providerArn())));
    Map<String, Object> out = shape(spec.executionRoleArn(),
        model(spec.modelId(), Names.HARNESS_MAX_TOKENS, Names.HARNESS_TEMPERATURE),
        spec.config() == null ? List.of(Names.HARNESS_SYSTEM_PROMPT) : spec.config().systemPromptBlocks(), tool);
    CONFIGURED.forEach(key -> out.put(key, null));
    HarnessConfig c = spec.config();
    if (c != null) {
      out.put("memory", memory(c.memory()));
      out.put("maxIterations", c.maxIterations());
      out.put("maxTokens", c.maxTokens());
      out.put("timeoutSeconds", c.timeoutSeconds());
      out.put("allowedTools", c.allowedTools() == null ? null : List.copyOf(c.allowedTools()));
    }
    return out;
  }

  /** {@code HarnessMemoryConfiguration}, the union as the API takes it; null for none. */
  public static Map<String, Object> memory(HarnessConfig.Memory m) {
    if (m == null) {
      return null;
    }
    Map<String, Object> member = new LinkedHashMap<>();
    switch (m.mode()) {
      case DISABLED -> {
        return Map.of("disabled", member);
      }
      case EXISTING -> {
        member.put("arn", m.arn());
        return Map.of("agentCoreMemoryConfiguration", member);
      }
      default -> {
        if (m.strategies() != null) member.put("strategies", List.copyOf(m.strategies()));
        if (m.eventExpiryDays() != null) member.put("eventExpiryDuration", m.eventExpiryDays());
        return Map.of("managedMemoryConfiguration", member);
      }
    }
  }

  /**
   * A live harness: {@code configured} holds what it reports of {@link #CONFIGURED}, memory already
   * without the read-only managed {@code arn}; nothing null is kept.
   */
  public static Map<String, Object> live(String roleArn, Map<String, Object> model, List<String> systemPrompt,
      Map<String, Object> tool, Map<String, Object> configured) {
    Map<String, Object> out = shape(roleArn, model, systemPrompt, tool);
    CONFIGURED.forEach(key -> out.put(key, configured.get(key)));
    out.values().removeIf(v -> v == null);
    return out;
  }

  /** The model config's compared part; null members left out. */
  public static Map<String, Object> model(String modelId, Number maxTokens, Number temperature) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modelId", modelId);
    out.put("maxTokens", maxTokens);
    out.put("temperature", temperature);
    out.values().removeIf(v -> v == null);
    return out;
  }

  /** The MCP tool: its url and its headers, each value {@link #shown}. */
  public static Map<String, Object> tool(String url, Map<String, String> headers) {
    Map<String, String> shownHeaders = new TreeMap<>();
    headers.forEach((name, value) -> shownHeaders.put(name, shown(value)));
    Map<String, Object> out = new LinkedHashMap<>();
    if (url != null) {
      out.put("url", url);
    }
    out.put("headers", shownHeaders);
    return out;
  }

  /** The {@code agentcore_gateway} tool: its gateway and outbound OAuth; null members left out. */
  public static Map<String, Object> gatewayTool(String gatewayArn, String providerArn, List<String> scopes,
      String grantType) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gatewayArn", gatewayArn);
    out.put("providerArn", providerArn);
    out.put("scopes", scopes == null ? null : List.copyOf(scopes));
    out.put("grantType", grantType);
    out.values().removeIf(v -> v == null);
    return out;
  }

  private static Map<String, Object> shape(
      String roleArn, Map<String, Object> model, List<String> systemPrompt, Map<String, Object> tool) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executionRoleArn", roleArn);
    out.put("model", model);
    out.put("systemPrompt", systemPrompt);
    out.put("tool", tool);
    out.values().removeIf(v -> v == null);
    return out;
  }
}
