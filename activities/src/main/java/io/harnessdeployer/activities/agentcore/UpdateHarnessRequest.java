package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** UpdateHarness (PATCH): a null member is left as it is. */
public record UpdateHarnessRequest(
    String harnessId,
    String clientToken,
    String executionRoleArn,
    JsonNode model,
    List<String> systemPrompt,
    JsonNode tools) {

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (clientToken != null) body.put("clientToken", clientToken);
    if (executionRoleArn != null) body.put("executionRoleArn", executionRoleArn);
    if (model != null) body.set("model", model);
    if (systemPrompt != null) body.set("systemPrompt", HarnessDocuments.systemPrompt(systemPrompt));
    if (tools != null) body.set("tools", tools);
    return body;
  }
}
