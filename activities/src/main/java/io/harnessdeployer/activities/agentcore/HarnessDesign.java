package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.workflows.common.HarnessShape;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The harness of spec §4.1–4.2 as Create/Update requests, and what differs from a live harness. */
final class HarnessDesign {
  private HarnessDesign() {}

  static CreateHarnessRequest create(HarnessSpec spec, Map<String, String> tags) {
    return new CreateHarnessRequest(spec.harnessName(), spec.executionRoleArn(), spec.clientToken(),
        model(spec), List.of(Names.HARNESS_SYSTEM_PROMPT), tools(spec), tags);
  }

  /** Role, model, system prompt and the one {@code remote_mcp} tool; no client token (not a create). */
  static UpdateHarnessRequest update(HarnessSpec spec, String harnessId) {
    return new UpdateHarnessRequest(harnessId, null, spec.executionRoleArn(), model(spec),
        List.of(Names.HARNESS_SYSTEM_PROMPT), tools(spec));
  }

  private static JsonNode model(HarnessSpec spec) {
    return HarnessDocuments.bedrockModel(spec.modelId(), Names.HARNESS_MAX_TOKENS, Names.HARNESS_TEMPERATURE);
  }

  private static JsonNode tools(HarnessSpec spec) {
    return HarnessDocuments.tools(
        HarnessDocuments.remoteMcpTool(Names.HARNESS_TOOL_NAME, spec.mcpUrl(), spec.providerArn()));
  }

  /** Names of what differs: {@code executionRoleArn}, {@code modelId}, {@code mcpUrl}, {@code provider}. */
  static List<String> changes(HarnessSpec spec, Harness live) {
    List<String> changes = new ArrayList<>();
    JsonNode doc = live.document();
    if (!Objects.equals(spec.executionRoleArn(), live.executionRoleArn())) {
      changes.add("executionRoleArn");
    }
    if (!Objects.equals(spec.modelId(), doc.path("model").path("bedrockModelConfig").path("modelId").asText(null))) {
      changes.add("modelId");
    }
    JsonNode mcp = remoteMcp(doc);
    if (mcp == null || !Objects.equals(spec.mcpUrl(), mcp.path("url").asText(null))) {
      changes.add("mcpUrl");
    }
    if (mcp == null || !Objects.equals(HarnessShape.authorization(spec.providerArn()),
        mcp.path("headers").path("Authorization").asText(null))) {
      changes.add("provider");
    }
    return changes;
  }

  /** The live harness in the shape of {@link HarnessShape#of}: what drift compares. */
  static Map<String, Object> observed(Harness live) {
    JsonNode doc = live.document();
    JsonNode mcp = remoteMcp(doc);
    return HarnessShape.of(live.executionRoleArn(),
        doc.path("model").path("bedrockModelConfig").path("modelId").asText(null),
        mcp == null ? null : mcp.path("url").asText(null),
        mcp == null ? null : HarnessShape.providerOf(mcp.path("headers").path("Authorization").asText(null)));
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
