package io.harnessdeployer.workflows.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds {@code prefix + core + suffix} within a length limit. When it does not fit, or when the
 * core had to be changed to fit the name's alphabet (so two deployment names could map to one),
 * the core is cut and a short hash of the deployment's identity is appended: the name stays
 * deterministic, within its limit, and distinct per deployment. Pure: safe in workflow code.
 */
final class NameFitter {
  static final int HASH_LENGTH = 8;

  private NameFitter() {}

  /**
   * @param lossy whether {@code core} is not the deployment name as given (changed characters or
   *     case that the resource's name space ignores): a hash is appended then even if it fits
   * @param identity what the hash is taken of: the deployment key and the resource kind
   */
  static String fit(String prefix, String core, String suffix, int max, char separator, boolean lossy,
      String identity) {
    String plain = prefix + core + suffix;
    if (!lossy && plain.length() <= max) {
      return plain;
    }
    String hash = hash(identity);
    int room = max - prefix.length() - suffix.length() - 1 - HASH_LENGTH;
    if (room >= 1) {
      return prefix + core.substring(0, Math.min(room, core.length())) + separator + hash + suffix;
    }
    String bare = prefix + hash; // an implausibly long region: the hash alone tells deployments apart
    return bare.substring(0, Math.min(max, bare.length()));
  }

  static String hash(String identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
