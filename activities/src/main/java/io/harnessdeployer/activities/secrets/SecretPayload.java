package io.harnessdeployer.activities.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.Names;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a secret's value holds the given credentials (spec §6.1 payload), compared as parsed JSON
 * key/values over {@link Names#CREDENTIAL_KEYS}: key order, spacing and keys the container never
 * reads do not count. Values are compared here and dropped; the answer is a boolean only.
 */
final class SecretPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretPayload() {}

  /**
   * True when every credential key has the same value in the secret as in {@code credentials}
   * (absent on both sides counts as the same); false for a value that is not a JSON object.
   */
  static boolean holds(String secretString, Map<String, String> credentials) {
    if (secretString == null || secretString.isBlank()) {
      return false;
    }
    JsonNode node;
    try {
      node = JSON.readTree(secretString);
    } catch (java.io.IOException e) {
      return false; // never echo the parser's message: it quotes the text
    }
    if (node == null || !node.isObject()) {
      return false;
    }
    for (String key : Names.CREDENTIAL_KEYS) {
      JsonNode v = node.get(key);
      String live = v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
      if (!Objects.equals(live, credentials.get(key))) {
        return false;
      }
    }
    return true;
  }
}
