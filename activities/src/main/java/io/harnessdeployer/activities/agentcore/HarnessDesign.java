package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.workflows.common.HarnessShape;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The harness of spec §4.1–4.2 as Create/Update requests, and what differs from a live harness. */
final class HarnessDesign {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private HarnessDesign() {}

  static CreateHarnessRequest create(HarnessSpec spec, Map<String, String> tags) {
    HarnessConfig c = spec.config();
    return new CreateHarnessRequest(spec.harnessName(), spec.executionRoleArn(), spec.clientToken(),
        model(spec), systemPrompt(spec), tools(spec), tags, memory(c), c == null ? null : c.allowedTools(),
        c == null ? null : c.maxIterations(), c == null ? null : c.maxTokens(), c == null ? null : c.timeoutSeconds());
  }

  /** Role, model, system prompt, the one tool and the config; no client token (not a create). */
  static UpdateHarnessRequest update(HarnessSpec spec, String harnessId) {
    HarnessConfig c = spec.config();
    return new UpdateHarnessRequest(harnessId, null, spec.executionRoleArn(), model(spec), systemPrompt(spec),
        tools(spec), memory(c), c == null ? null : c.maxIterations(), c == null ? null : c.maxTokens(),
        c == null ? null : c.timeoutSeconds(), c == null ? null : c.allowedTools());
  }

  private static List<String> systemPrompt(HarnessSpec spec) {
    return spec.config() == null ? List.of(Names.HARNESS_SYSTEM_PROMPT) : spec.config().systemPromptBlocks();
  }

  private static JsonNode memory(HarnessConfig c) {
    Map<String, Object> memory = c == null ? null : HarnessShape.memory(c.memory());
    return memory == null ? null : PLAIN.valueToTree(memory);
  }

  private static JsonNode model(HarnessSpec spec) {
    return HarnessDocuments.bedrockModel(spec.modelId(), Names.HARNESS_MAX_TOKENS, Names.HARNESS_TEMPERATURE);
  }

  /** The one tool: {@code agentcore_gateway} (§4.3) in the gateway topology, else {@code remote_mcp} (§4.2). */
  private static JsonNode tools(HarnessSpec spec) {
    return HarnessDocuments.tools(spec.gatewayTool()
        ? HarnessDocuments.gatewayTool(Names.HARNESS_TOOL_NAME, spec.gateway().gatewayArn(),
            spec.gateway().oauthProviderArn(), spec.gateway().scopes())
        : HarnessDocuments.remoteMcpTool(Names.HARNESS_TOOL_NAME, spec.mcpUrl(), spec.providerArn()));
  }

  /**
   * Paths of what differs among what the update sends ({@code executionRoleArn}, {@code model.*},
   * {@code systemPrompt}, {@code tool.*}, and of {@link HarnessShape#CONFIGURED} what is declared),
   * compared as drift compares them. A limit not declared is not among them: a PATCH cannot unset it.
   */
  static List<String> changes(HarnessSpec spec, Harness live) {
    Map<String, Object> desired = new LinkedHashMap<>(HarnessShape.of(spec));
    Map<String, Object> seen = new LinkedHashMap<>(observed(live));
    desired.values().removeIf(v -> v == null);
    seen.keySet().retainAll(desired.keySet());
    return Compare.diff(desired, seen).stream().map(PropertyDiff::path).toList();
  }

  /** The live harness in the shape of {@link HarnessShape}: what drift compares. */
  static Map<String, Object> observed(Harness live) {
    JsonNode doc = live.document();
    JsonNode model = doc.path("model").path("bedrockModelConfig");
    JsonNode mcp = toolConfig(doc, "remoteMcp");
    JsonNode gateway = toolConfig(doc, "agentCoreGateway");
    Map<String, Object> configured = new LinkedHashMap<>();
    for (String key : HarnessShape.CONFIGURED) {
      configured.put(key, plain(doc.get(key)));
    }
    configured.put("memory", withoutManagedArn(configured.get("memory")));
    return HarnessShape.live(live.executionRoleArn(),
        model.isObject() ? HarnessShape.model(model.path("modelId").asText(null),
            number(model.get("maxTokens")), number(model.get("temperature"))) : null,
        doc.has("systemPrompt") ? systemPrompt(doc.get("systemPrompt")) : null,
        mcp != null ? HarnessShape.tool(mcp.path("url").asText(null), headers(mcp.path("headers")))
            : gateway != null ? gatewayTool(gateway) : null,
        configured);
  }

  /** The managed memory's {@code arn} is read-only on Get: a fact, not configuration. */
  @SuppressWarnings("unchecked")
  private static Object withoutManagedArn(Object memory) {
    if (memory instanceof Map<?, ?> m && m.get("managedMemoryConfiguration") instanceof Map<?, ?> managed) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) managed);
      copy.remove("arn");
      return Map.of("managedMemoryConfiguration", copy);
    }
    return memory;
  }

  /** The text of each block; a block without one (none exists in the API today) is left out. */
  private static List<String> systemPrompt(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    blocks.forEach(block -> {
      if (block.path("text").isTextual()) {
        texts.add(block.path("text").asText());
      }
    });
    return texts;
  }

  private static Number number(JsonNode node) {
    return node != null && node.isNumber() ? node.numberValue() : null;
  }

  /** Every header as text; {@link HarnessShape#tool} seals what is no placeholder. */
  private static Map<String, String> headers(JsonNode headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.fields().forEachRemaining(h -> out.put(h.getKey(), h.getValue().asText(null)));
    return out;
  }

  /** A JSON value as plain Java (String, Number, Boolean, List, Map); null for none. */
  private static Object plain(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : PLAIN.convertValue(node, Object.class);
  }

  private static Map<String, Object> gatewayTool(JsonNode gateway) {
    JsonNode oauth = gateway.path("outboundAuth").path("oauth");
    List<String> scopes = null;
    if (oauth.path("scopes").isArray()) {
      scopes = new ArrayList<>();
      for (JsonNode scope : oauth.path("scopes")) {
        scopes.add(scope.asText());
      }
    }
    return HarnessShape.gatewayTool(gateway.path("gatewayArn").asText(null), oauth.path("providerArn").asText(null),
        scopes, oauth.path("grantType").asText(null));
  }

  /** Our tool's config member {@code kind} ({@code remoteMcp}, {@code agentCoreGateway}); null if it has none. */
  private static JsonNode toolConfig(JsonNode harness, String kind) {
    for (JsonNode tool : harness.path("tools")) {
      if (Names.HARNESS_TOOL_NAME.equals(tool.path("name").asText()) && tool.path("config").has(kind)) {
        return tool.path("config").path(kind);
      }
    }
    return null;
  }
}
