package io.harnessdeployer.emulator.services.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What ECR derives from an image manifest: its digest, its size and its media types. */
final class Manifests {
  private Manifests() {}

  /** {@code sha256:<hex>} of the manifest bytes exactly as pushed. */
  static String digest(String manifest) {
    try {
      byte[] hash = MessageDigest.getInstance(EcrConstants.DIGEST_ALGORITHM).digest(manifest.getBytes(StandardCharsets.UTF_8));
      return EcrConstants.DIGEST_PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The compressed size ECR reports: config plus layers of an image manifest, the sum of the
   * referenced manifests of an index, else the manifest's own length.
   */
  static long size(JsonNode manifest, String raw) {
    long total = 0;
    boolean described = false;
    for (String field : new String[] {"config", "layers", "manifests"}) {
      JsonNode node = manifest.get(field);
      if (node == null) continue;
      described = true;
      if (node.isArray()) for (JsonNode n : node) total += n.path("size").asLong(0);
      else total += node.path("size").asLong(0);
    }
    return described ? total : raw.getBytes(StandardCharsets.UTF_8).length;
  }

  static String mediaType(JsonNode manifest) {
    JsonNode m = manifest.get("mediaType");
    return m != null && m.isTextual() ? m.asText() : null;
  }

  static String configMediaType(JsonNode manifest) {
    JsonNode m = manifest.path("config").get("mediaType");
    return m != null && m.isTextual() ? m.asText() : null;
  }
}
