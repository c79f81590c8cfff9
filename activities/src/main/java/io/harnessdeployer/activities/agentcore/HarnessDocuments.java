package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The CreateHarness/UpdateHarness bodies of spec §4.1–4.2, and what differs from a live harness. */
final class HarnessDocuments {
  static final ObjectMapper JSON = new ObjectMapper();

  private HarnessDocuments() {}

  static ObjectNode create(HarnessSpec spec, Map<String, String> tags) {
    ObjectNode body = update(spec);
    body.put("harnessName", spec.harnessName());
    body.put("clientToken", spec.clientToken());
    ObjectNode t = body.putObject("tags");
    tags.forEach(t::put);
    return body;
  }

  /** Role, model, system prompt and the one {@code remote_mcp} tool. */
  static ObjectNode update(HarnessSpec spec) {
    ObjectNode body = JSON.createObjectNode();
    body.put("executionRoleArn", spec.executionRoleArn());
    ObjectNode model = body.putObject("model").putObject("bedrockModelConfig");
    model.put("modelId", spec.modelId());
    model.put("maxTokens", Names.HARNESS_MAX_TOKENS);
    model.put("temperature", Names.HARNESS_TEMPERATURE);
    body.putArray("systemPrompt").addObject().put("text", Names.HARNESS_SYSTEM_PROMPT);
    ArrayNode tools = body.putArray("tools");
    ObjectNode tool = tools.addObject();
    tool.put("type", "remote_mcp");
    tool.put("name", Names.HARNESS_TOOL_NAME);
    ObjectNode mcp = tool.putObject("config").putObject("remoteMcp");
    mcp.put("url", spec.mcpUrl());
    mcp.putObject("headers").put("Authorization", authorization(spec.providerArn()));
    return body;
  }

  /** Harness substitutes the provider's stored key for {@code ${<arn>}} at call time (§4.2). */
  static String authorization(String providerArn) {
    return "${" + providerArn + "}";
  }

  /** Names of what differs: {@code executionRoleArn}, {@code modelId}, {@code mcpUrl}, {@code provider}. */
  static List<String> changes(HarnessSpec spec, JsonNode live) {
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(spec.executionRoleArn(), live.path("executionRoleArn").asText(null))) {
      changes.add("executionRoleArn");
    }
    if (!Objects.equals(spec.modelId(), live.path("model").path("bedrockModelConfig").path("modelId").asText(null))) {
      changes.add("modelId");
    }
    JsonNode mcp = remoteMcp(live);
    if (mcp == null || !Objects.equals(spec.mcpUrl(), mcp.path("url").asText(null))) {
      changes.add("mcpUrl");
    }
    if (mcp == null || !Objects.equals(authorization(spec.providerArn()),
        mcp.path("headers").path("Authorization").asText(null))) {
      changes.add("provider");
    }
    return changes;
  }

  private static JsonNode remoteMcp(JsonNode harness) {
    for (JsonNode tool : harness.path("tools")) {
      if (Names.HARNESS_TOOL_NAME.equals(tool.path("name").asText()) && tool.path("config").has("remoteMcp")) {
        return tool.path("config").path("remoteMcp");
      }
    }
    return null;
  }
}
