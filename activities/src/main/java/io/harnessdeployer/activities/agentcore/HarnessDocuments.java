package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.workflows.common.HarnessShape;
import java.util.List;

/** Builders for the Harness API's union documents, so callers never hand-type their JSON member names. */
public final class HarnessDocuments {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private HarnessDocuments() {}

  /** {@code {"bedrockModelConfig": {modelId, maxTokens, temperature}}}. */
  public static ObjectNode bedrockModel(String modelId, int maxTokens, double temperature) {
    ObjectNode root = F.objectNode();
    root.putObject("bedrockModelConfig").put("modelId", modelId).put("maxTokens", maxTokens).put("temperature", temperature);
    return root;
  }

  /**
   * A {@code remote_mcp} tool whose Authorization header is the whole {@code ${providerArn}}
   * placeholder: the harness swaps in the API-key provider's stored value when it calls the tool.
   */
  public static ObjectNode remoteMcpTool(String name, String url, String apiKeyProviderArn) {
    ObjectNode tool = F.objectNode().put("type", "remote_mcp").put("name", name);
    ObjectNode remote = tool.putObject("config").putObject("remoteMcp").put("url", url);
    remote.putObject("headers").put("Authorization", HarnessShape.authorization(apiKeyProviderArn));
    return tool;
  }

  /** An {@code agentcore_gateway} tool with OAuth client-credentials outbound auth; scopes are required, may be empty. */
  public static ObjectNode gatewayTool(String name, String gatewayArn, String oauthProviderArn, List<String> scopes) {
    ObjectNode tool = F.objectNode().put("type", "agentcore_gateway").put("name", name);
    ObjectNode gateway = tool.putObject("config").putObject("agentCoreGateway").put("gatewayArn", gatewayArn);
    ObjectNode oauth = gateway.putObject("outboundAuth").putObject("oauth").put("providerArn", oauthProviderArn);
    scopes.forEach(oauth.putArray("scopes")::add);
    oauth.put("grantType", "CLIENT_CREDENTIALS");
    return tool;
  }

  public static ArrayNode tools(ObjectNode... tools) {
    ArrayNode array = F.arrayNode();
    for (ObjectNode t : tools) array.add(t);
    return array;
  }

  static ArrayNode systemPrompt(List<String> blocks) {
    ArrayNode array = F.arrayNode();
    blocks.forEach(text -> array.addObject().put("text", text));
    return array;
  }
}
