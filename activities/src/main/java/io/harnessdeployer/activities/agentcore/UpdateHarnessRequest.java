package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * UpdateHarness (PATCH): a null member is left as it is. {@code memory} is sent wrapped as the API
 * wants it ({@code {"optionalValue": …}}).
 */
public record UpdateHarnessRequest(
    String harnessId,
    String clientToken,
    String executionRoleArn,
    JsonNode model,
    List<String> systemPrompt,
    JsonNode tools,
    JsonNode memory,
    Integer maxIterations,
    Integer maxTokens,
    Integer timeoutSeconds,
    List<String> allowedTools) {

  public UpdateHarnessRequest(String harnessId, String clientToken, String executionRoleArn, JsonNode model,
      List<String> systemPrompt, JsonNode tools) {
    this(harnessId, clientToken, executionRoleArn, model, systemPrompt, tools, null, null, null, null, null);
  }

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (clientToken != null) body.put("clientToken", clientToken);
    if (executionRoleArn != null) body.put("executionRoleArn", executionRoleArn);
    if (model != null) body.set("model", model);
    if (systemPrompt != null) body.set("systemPrompt", HarnessDocuments.systemPrompt(systemPrompt));
    if (tools != null) body.set("tools", tools);
    if (memory != null) body.putObject("memory").set("optionalValue", memory);
    if (maxIterations != null) body.put("maxIterations", maxIterations);
    if (maxTokens != null) body.put("maxTokens", maxTokens);
    if (timeoutSeconds != null) body.put("timeoutSeconds", timeoutSeconds);
    if (allowedTools != null) allowedTools.forEach(body.putArray("allowedTools")::add);
    return body;
  }
}
