package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * CreateHarness. {@code model} and {@code tools} are the API's union documents (see
 * {@link HarnessDocuments}); {@code clientToken} (33–256 chars) makes a retried create return the
 * harness the first attempt made. Null members are not sent; {@code memory} is the union document
 * ({@code {"disabled": {}}} to opt out explicitly: without it the service makes managed memory).
 */
public record CreateHarnessRequest(
    String harnessName,
    String executionRoleArn,
    String clientToken,
    JsonNode model,
    List<String> systemPrompt,
    JsonNode tools,
    Map<String, String> tags,
    JsonNode memory,
    List<String> allowedTools,
    Integer maxIterations,
    Integer maxTokens,
    Integer timeoutSeconds) {

  public CreateHarnessRequest(String harnessName, String executionRoleArn, String clientToken, JsonNode model,
      List<String> systemPrompt, JsonNode tools, Map<String, String> tags) {
    this(harnessName, executionRoleArn, clientToken, model, systemPrompt, tools, tags, null, null, null, null, null);
  }

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("harnessName", harnessName);
    body.put("executionRoleArn", executionRoleArn);
    if (clientToken != null) body.put("clientToken", clientToken);
    if (model != null) body.set("model", model);
    if (systemPrompt != null) body.set("systemPrompt", HarnessDocuments.systemPrompt(systemPrompt));
    if (tools != null) body.set("tools", tools);
    if (allowedTools != null) allowedTools.forEach(body.putArray("allowedTools")::add);
    if (memory != null) body.set("memory", memory);
    if (maxIterations != null) body.put("maxIterations", maxIterations);
    if (maxTokens != null) body.put("maxTokens", maxTokens);
    if (timeoutSeconds != null) body.put("timeoutSeconds", timeoutSeconds);
    if (tags != null && !tags.isEmpty()) {
      ObjectNode t = body.putObject("tags");
      tags.forEach(t::put);
    }
    return body;
  }
}
