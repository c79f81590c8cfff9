package io.harnessdeployer.workflows.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealerTest {
  private static final String PLAINTEXT = "s3cr3t-Value#1";

  static SealKey key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return SealKey.of(bytes, "test");
  }

  @Test
  void roundTripRestoresThePlaintext() {
    Sealer sealer = new Sealer(key(1), "zscaler-credentials");
    Sealed sealed = sealer.seal(PLAINTEXT);

    assertEquals(PLAINTEXT, sealer.unsealString(sealed));
    assertArrayEquals(new byte[0], sealer.unseal(sealer.seal(new byte[0])));
  }

  @Test
  void sealedFormCarriesKeyIdAndNeverThePlaintext() {
    SealKey key = key(1);
    Sealed sealed = new Sealer(key, "p").seal(PLAINTEXT);

    assertEquals(key.keyId(), sealed.keyId());
    assertEquals(8, sealed.keyId().length());
    assertEquals(12, Base64.getDecoder().decode(sealed.iv()).length);
    // GCM: same length as plaintext plus a 16-byte tag
    assertEquals(PLAINTEXT.length() + 16, Base64.getDecoder().decode(sealed.ciphertext()).length);
    assertFalse(sealed.ciphertext().contains(PLAINTEXT));
    assertFalse(sealed.toString().contains(sealed.ciphertext()));
  }

  @Test
  void keyIdIsTheFirstEightHexOfSha256() throws Exception {
    byte[] bytes = new byte[32];
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    String expected = java.util.HexFormat.of().formatHex(digest).substring(0, 8);
    assertEquals(expected, SealKey.of(bytes, "t").keyId());
  }

  @Test
  void eachSealUsesAFreshIv() {
    Sealer sealer = new Sealer(key(1), "p");
    Sealed a = sealer.seal(PLAINTEXT);
    Sealed b = sealer.seal(PLAINTEXT);
    assertNotEquals(a.iv(), b.iv());
    assertNotEquals(a.ciphertext(), b.ciphertext());
  }

  @Test
  void wrongKeyIsRefusedByKeyIdWithAHint() {
    Sealed sealed = new Sealer(key(1), "p").seal(PLAINTEXT);
    SealException e = assertThrows(SealException.class, () -> new Sealer(key(2), "p").unseal(sealed));

    assertTrue(e.getMessage().contains(key(1).keyId()), e.getMessage());
    assertTrue(e.getMessage().contains(key(2).keyId()), e.getMessage());
    assertTrue(e.getMessage().contains(SealKeys.ENV_KEY), e.getMessage());
    assertFalse(e.getMessage().contains(PLAINTEXT));
  }

  @Test
  void wrongKeyWithAForgedKeyIdFailsAuthentication() {
    Sealed sealed = new Sealer(key(1), "p").seal(PLAINTEXT);
    Sealed relabelled = new Sealed(key(2).keyId(), sealed.iv(), sealed.ciphertext());
    SealException e = assertThrows(SealException.class, () -> new Sealer(key(2), "p").unseal(relabelled));
    assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
  }

  @Test
  void tamperedCiphertextIsRefused() {
    Sealer sealer = new Sealer(key(1), "p");
    Sealed sealed = sealer.seal(PLAINTEXT);
    byte[] ct = Base64.getDecoder().decode(sealed.ciphertext());
    ct[0] ^= 1;
    Sealed tampered = new Sealed(sealed.keyId(), sealed.iv(), Base64.getEncoder().encodeToString(ct));

    SealException e = assertThrows(SealException.class, () -> sealer.unseal(tampered));
    assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
    assertFalse(e.getMessage().contains(PLAINTEXT));
  }

  @Test
  void tamperedIvIsRefused() {
    Sealer sealer = new Sealer(key(1), "p");
    Sealed sealed = sealer.seal(PLAINTEXT);
    byte[] iv = Base64.getDecoder().decode(sealed.iv());
    iv[11] ^= 1;
    Sealed tampered = new Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(iv), sealed.ciphertext());
    assertThrows(SealException.class, () -> sealer.unseal(tampered));
  }

  @Test
  void purposeIsBoundAsAssociatedData() {
    Sealed sealed = new Sealer(key(1), "zscaler-credentials").seal(PLAINTEXT);
    assertThrows(SealException.class, () -> new Sealer(key(1), "something-else").unseal(sealed));
  }

  @Test
  void garbageFieldsGiveAClearError() {
    Sealer sealer = new Sealer(key(1), "p");
    String id = key(1).keyId();
    assertThrows(SealException.class, () -> sealer.unseal(new Sealed(id, "not base64!", "AAAA")));
    String shortIv = Base64.getEncoder().encodeToString(new byte[4]);
    SealException e = assertThrows(SealException.class, () -> sealer.unseal(new Sealed(id, shortIv, "AAAA")));
    assertTrue(e.getMessage().contains("IV"), e.getMessage());
  }

  @Test
  void keysMustBe32Bytes() {
    assertThrows(SealException.class, () -> SealKey.of(new byte[16], "t"));
    assertFalse(key(1).toString().contains(Base64.getEncoder().encodeToString(new byte[] {1, 1, 1})));
    assertTrue(key(1).toString().contains(key(1).keyId()));
  }

  @Test
  void sealsUtf8Text() {
    Sealer sealer = new Sealer(key(3), "p");
    String text = "clé-秘密";
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), sealer.unseal(sealer.seal(text)));
  }
}
