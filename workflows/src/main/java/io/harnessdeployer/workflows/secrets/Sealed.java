package io.harnessdeployer.workflows.secrets;

/**
 * A value encrypted with AES-256-GCM under a key shared by the client and the worker. This is the
 * only form in which a secret may enter a Temporal payload.
 *
 * @param keyId first 8 hex chars of SHA-256 of the key, so a worker with the wrong key says so
 * @param iv base64 12-byte nonce
 * @param ciphertext base64 ciphertext with the GCM tag appended
 */
public record Sealed(String keyId, String iv, String ciphertext) {
  @Override
  public String toString() {
    return "Sealed[" + keyId + "]";
  }
}
