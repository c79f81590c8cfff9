package io.harnessdeployer.activities.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a secret's value holds the given credentials (spec §6.1 payload), compared as parsed JSON
 * key/values over {@link Names#CREDENTIAL_KEYS}: key order, spacing and keys the container never
 * reads do not count. Values are compared here and dropped; the answer names keys only.
 */
final class SecretPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretPayload() {}

  /**
   * The credential keys whose value differs between the secret and {@code credentials} (absent on
   * both sides is the same), in {@link Names#CREDENTIAL_KEYS} order; all of them for a value that
   * is not a JSON object. Empty: the secret holds these credentials.
   */
  static List<String> changedKeys(String secretString, Map<String, String> credentials) {
    JsonNode node = parse(secretString);
    List<String> changed = new ArrayList<>();
    for (String key : Names.CREDENTIAL_KEYS) {
      JsonNode v = node == null ? null : node.get(key);
      String live = v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
      if (node == null || !Objects.equals(live, credentials.get(key))) {
        changed.add(key);
      }
    }
    return changed;
  }

  /** The JSON object, or null for anything else. */
  private static JsonNode parse(String secretString) {
    if (secretString == null || secretString.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(secretString);
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null; // never echo the parser's message: it quotes the text
    }
  }
}
