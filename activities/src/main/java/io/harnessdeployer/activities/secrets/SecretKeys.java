package io.harnessdeployer.activities.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.Names;
import java.util.ArrayList;
import java.util.List;

/** The credential keys a secret's JSON holds (spec §6.3); reads names, drops values at once. */
final class SecretKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretKeys() {}

  /** The top-level keys that are credential keys, in {@link Names#CREDENTIAL_KEYS} order; [] if not a JSON object. */
  static List<String> of(String secretString) {
    if (secretString == null || secretString.isBlank()) {
      return List.of();
    }
    JsonNode node;
    try {
      node = JSON.readTree(secretString);
    } catch (java.io.IOException e) {
      return List.of(); // never echo the parser's message: it quotes the text
    }
    if (node == null || !node.isObject()) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    for (String key : Names.CREDENTIAL_KEYS) {
      if (node.has(key)) {
        keys.add(key);
      }
    }
    return keys;
  }
}
