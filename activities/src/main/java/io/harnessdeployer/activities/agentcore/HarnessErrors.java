package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.activities.aws.RetryDelays;
import java.io.IOException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Reads a restJson1 error the way the AWS SDKs do: the code from {@code x-amzn-ErrorType} (text
 * before {@code :}), else the body's {@code __type} or {@code code} (text after the last {@code #});
 * the message from the body's {@code message}/{@code Message}/{@code errorMessage}, else the
 * {@code x-amzn-error-message} header.
 */
final class HarnessErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HarnessErrors() {}

  static HarnessApiException parse(SdkHttpResponse head, byte[] body, String requestId) {
    JsonNode json = json(body);
    String code = head.firstMatchingHeader("x-amzn-ErrorType").map(t -> t.split(":", 2)[0].trim())
        .filter(t -> !t.isEmpty())
        .orElseGet(() -> firstText(json, "__type", "code"));
    if (code != null && code.contains("#")) code = code.substring(code.lastIndexOf('#') + 1);
    if (code == null || code.isEmpty()) code = head.statusCode() >= 500 ? "InternalServerException" : "UnknownError";
    String message = firstText(json, "message", "Message", "errorMessage");
    if (message == null) message = head.firstMatchingHeader("x-amzn-error-message").orElse("(no message)");
    return new HarnessApiException(code, head.statusCode(), message, requestId, RetryDelays.retryAfter(head));
  }

  private static String firstText(JsonNode json, String... fields) {
    for (String f : fields) {
      JsonNode v = json.get(f);
      if (v != null && v.isTextual()) return v.asText();
    }
    return null;
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode n = body.length == 0 ? null : JSON.readTree(body);
      return n != null && n.isObject() ? n : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
