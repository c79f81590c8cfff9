package io.harnessdeployer.workflows.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeysTest {
  @TempDir Path home;

  @Test
  void createsTheDefaultKeyFileOnFirstUseReadableByOwnerOnly() throws Exception {
    SealKey first = SealKeys.load(Map.of(), home);

    Path file = home.resolve(".harness-deployer/seal.key");
    assertTrue(first.created());
    assertEquals(file.toString(), first.origin());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);
    try (var listing = Files.list(file.getParent())) {
      assertEquals(1, listing.count(), "no temp file left behind");
    }

    SealKey second = SealKeys.load(Map.of(), home);
    assertFalse(second.created());
    assertEquals(first.keyId(), second.keyId());
  }

  @Test
  void clientAndWorkerLoadingTheSameFileShareTheKey() {
    SealKey client = SealKeys.load(Map.of(), home);
    SealKey worker = SealKeys.load(Map.of(), home);
    Sealed sealed = new Sealer(client, "p").seal("x");
    assertEquals("x", new Sealer(worker, "p").unsealString(sealed));
  }

  @Test
  void concurrentFirstUsesAgreeOnOneKey() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    var start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ids.add(pool.submit(() -> {
          start.await();
          return SealKeys.load(Map.of(), home).keyId();
        }));
      }
      start.countDown();
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (var id : ids) {
        distinct.add(id.get());
      }
      assertEquals(1, distinct.size(), "every loader must end up with the key on disk");
      assertEquals(SealKeys.load(Map.of(), home).keyId(), distinct.iterator().next());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keyFileEnvOverridesTheDefaultPath() {
    Path custom = home.resolve("elsewhere/k.key");
    SealKey key = SealKeys.load(Map.of(SealKeys.ENV_KEY_FILE, custom.toString()), home);

    assertTrue(Files.exists(custom));
    assertFalse(Files.exists(home.resolve(".harness-deployer/seal.key")));
    assertEquals(custom.toString(), key.origin());
  }

  @Test
  void inlineKeyWinsOverAnyFile() throws Exception {
    byte[] bytes = new byte[32];
    bytes[0] = 7;
    String b64 = Base64.getEncoder().encodeToString(bytes);
    SealKey key = SealKeys.load(Map.of(SealKeys.ENV_KEY, b64, SealKeys.ENV_KEY_FILE, "/nonexistent/x"), home);

    assertEquals(SealKey.keyIdOf(bytes), key.keyId());
    assertEquals("env " + SealKeys.ENV_KEY, key.origin());
    assertFalse(key.created());
    assertFalse(Files.exists(home.resolve(".harness-deployer")));
  }

  @Test
  void existingKeyFileIsReadNotReplaced() throws Exception {
    byte[] bytes = new byte[32];
    bytes[5] = 9;
    Path file = home.resolve("k.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");

    SealKey key = SealKeys.load(Map.of(SealKeys.ENV_KEY_FILE, file.toString()), home);
    assertEquals(SealKey.keyIdOf(bytes), key.keyId());
    assertFalse(key.created());
  }

  @Test
  void badKeysAreClearErrorsWithoutKeyMaterial() throws Exception {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    SealException tooShort = assertThrows(SealException.class, () -> SealKeys.load(Map.of(SealKeys.ENV_KEY, shortKey), home));
    assertTrue(tooShort.getMessage().contains("16 bytes"), tooShort.getMessage());
    assertFalse(tooShort.getMessage().contains(shortKey));

    SealException notB64 = assertThrows(SealException.class, () -> SealKeys.load(Map.of(SealKeys.ENV_KEY, "%%%"), home));
    assertTrue(notB64.getMessage().contains("not base64"), notB64.getMessage());

    Path file = home.resolve("bad.key");
    Files.writeString(file, "???");
    SealException badFile = assertThrows(SealException.class, () -> SealKeys.load(Map.of(SealKeys.ENV_KEY_FILE, file.toString()), home));
    assertTrue(badFile.getMessage().contains(file.toString()), badFile.getMessage());
  }
}
