package io.harnessdeployer.workflows.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key shared by the client and the worker, with where it came from. {@link #toString()}
 * names the key id and origin, never the key.
 */
public final class SealKey {
  public static final int LENGTH_BYTES = 32;

  private final SecretKey key;
  private final String keyId;
  private final String origin;
  private final boolean created;

  private SealKey(byte[] bytes, String origin, boolean created) {
    if (bytes.length != LENGTH_BYTES) {
      throw new SealException(
          "seal key from " + origin + " has " + bytes.length + " bytes, expected " + LENGTH_BYTES);
    }
    this.key = new SecretKeySpec(bytes, "AES");
    this.keyId = keyIdOf(bytes);
    this.origin = origin;
    this.created = created;
  }

  /** A key from raw bytes; {@code origin} says where it came from, for messages. */
  public static SealKey of(byte[] bytes, String origin) {
    return new SealKey(bytes.clone(), origin, false);
  }

  static SealKey created(byte[] bytes, String origin) {
    return new SealKey(bytes.clone(), origin, true);
  }

  /** First 8 hex characters of SHA-256 of the key: tells two keys apart without revealing either. */
  public static String keyIdOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(Arrays.copyOf(digest, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  public SecretKey secretKey() {
    return key;
  }

  public String keyId() {
    return keyId;
  }

  /** Where the key came from, e.g. "env HARNESS_DEPLOYER_SEAL_KEY" or a file path. */
  public String origin() {
    return origin;
  }

  /** True when this process generated the key (first use in dev). */
  public boolean created() {
    return created;
  }

  @Override
  public String toString() {
    return "SealKey[" + keyId + " from " + origin + "]";
  }
}
