package io.harnessdeployer.workflows.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Loads the seal key the same way in the client and the worker: env {@value #ENV_KEY} (base64 of 32
 * bytes), else the key file named by {@value #ENV_KEY_FILE}, else {@code ~/.harness-deployer/seal.key}.
 * A missing key file is created with a fresh random key, readable by its owner only (first use in
 * dev); in production set the env var or ship the file to both sides.
 */
public final class SealKeys {
  public static final String ENV_KEY = "HARNESS_DEPLOYER_SEAL_KEY";
  public static final String ENV_KEY_FILE = "HARNESS_DEPLOYER_SEAL_KEY_FILE";
  public static final String DEFAULT_FILE = ".harness-deployer/seal.key";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private SealKeys() {}

  /** Loads from the process environment and the user's home. */
  public static SealKey load() {
    return load(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public static SealKey load(Map<String, String> env, Path home) {
    String inline = env.get(ENV_KEY);
    if (inline != null && !inline.isBlank()) {
      return SealKey.of(decode(inline, "env " + ENV_KEY), "env " + ENV_KEY);
    }
    String file = env.get(ENV_KEY_FILE);
    Path path = file != null && !file.isBlank() ? Path.of(file.trim()) : home.resolve(DEFAULT_FILE);
    return loadOrCreate(path);
  }

  static SealKey loadOrCreate(Path path) {
    if (Files.exists(path)) {
      return read(path);
    }
    byte[] fresh = new byte[SealKey.LENGTH_BYTES];
    new SecureRandom().nextBytes(fresh);
    try {
      writeOwnerOnly(path, Base64.getEncoder().encodeToString(fresh) + "\n");
      return SealKey.created(fresh, path.toString());
    } catch (FileAlreadyExistsException raced) {
      return read(path); // another process (worker or client) created it first: use theirs
    } catch (IOException e) {
      throw new SealException("cannot create seal key file " + path + ": " + e.getMessage(), e);
    }
  }

  private static SealKey read(Path path) {
    try {
      String text = Files.readString(path, StandardCharsets.US_ASCII);
      return SealKey.of(decode(text, path.toString()), path.toString());
    } catch (IOException e) {
      throw new SealException("cannot read seal key file " + path + ": " + e.getMessage(), e);
    }
  }

  private static byte[] decode(String base64, String origin) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new SealException("seal key from " + origin + " is not base64 (expected base64 of 32 random bytes)");
    }
  }

  /** Writes a complete temp file with owner-only permissions, then links it in; never replaces. */
  private static void writeOwnerOnly(Path path, String content) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      } else {
        Files.createDirectories(dir);
      }
    }
    Path tmp = posix
        ? Files.createTempFile(dir, ".seal", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : Files.createTempFile(dir, ".seal", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.US_ASCII);
      try {
        Files.createLink(path, tmp); // atomic and fails if a key appeared meanwhile
      } catch (UnsupportedOperationException noHardLinks) {
        Files.move(tmp, path);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
