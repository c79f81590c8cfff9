package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One user turn to a harness. {@code runtimeSessionId}: 33–100 chars, {@code [a-zA-Z0-9][a-zA-Z0-9-_]*}. */
public record InvokeHarnessRequest(String harnessArn, String runtimeSessionId, String userMessage) {

  ObjectNode toJson() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode message = body.putArray("messages").addObject();
    message.put("role", "user");
    message.putArray("content").addObject().put("text", userMessage);
    return body;
  }

  /** The message is what the user typed; keep it out of logs and exceptions. */
  @Override
  public String toString() {
    return "InvokeHarnessRequest[" + harnessArn + ", session " + runtimeSessionId + "]";
  }
}
