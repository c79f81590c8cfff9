package io.harnessdeployer.workflows.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens values with AES-256-GCM under a {@link SealKey}. The purpose string is bound as
 * associated data, so a value sealed for one purpose cannot be opened as another.
 */
public final class Sealer {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SealKey key;
  private final byte[] aad;
  private final String purpose;
  private final SecureRandom random;

  public Sealer(SealKey key, String purpose) {
    this(key, purpose, new SecureRandom());
  }

  Sealer(SealKey key, String purpose, SecureRandom random) {
    this.key = Objects.requireNonNull(key, "key");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.aad = purpose.getBytes(StandardCharsets.UTF_8);
    this.random = random;
  }

  public Sealed seal(String plaintext) {
    return seal(plaintext.getBytes(StandardCharsets.UTF_8));
  }

  public Sealed seal(byte[] plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
      byte[] ciphertext = cipher.doFinal(plaintext);
      Base64.Encoder b64 = Base64.getEncoder();
      return new Sealed(key.keyId(), b64.encodeToString(iv), b64.encodeToString(ciphertext));
    } catch (GeneralSecurityException e) {
      throw new SealException("could not seal a " + purpose + " value: " + e.getClass().getSimpleName());
    }
  }

  /** Opens a sealed value; a different key, purpose or any altered byte is a {@link SealException}. */
  public byte[] unseal(Sealed sealed) {
    Objects.requireNonNull(sealed, "sealed");
    if (!key.keyId().equals(sealed.keyId())) {
      throw new SealException(
          "the " + purpose + " value was sealed with key " + sealed.keyId() + " but this process has key "
              + key.keyId() + " (" + key.origin() + "); give client and worker the same "
              + SealKeys.ENV_KEY + " or " + SealKeys.ENV_KEY_FILE);
    }
    byte[] iv;
    byte[] ciphertext;
    try {
      iv = Base64.getDecoder().decode(sealed.iv());
      ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new SealException("the sealed " + purpose + " value is not valid base64");
    }
    if (iv.length != IV_BYTES) {
      throw new SealException("the sealed " + purpose + " value has a " + iv.length + "-byte IV, expected " + IV_BYTES);
    }
    try {
      return cipher(Cipher.DECRYPT_MODE, iv).doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new SealException(
          "the sealed " + purpose + " value failed authentication: it was altered or sealed for another purpose");
    } catch (GeneralSecurityException e) {
      throw new SealException("could not open the sealed " + purpose + " value: " + e.getClass().getSimpleName());
    }
  }

  public String unsealString(Sealed sealed) {
    return new String(unseal(sealed), StandardCharsets.UTF_8);
  }

  private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(aad);
    return cipher;
  }
}
