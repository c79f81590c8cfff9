package io.harnessdeployer.emulator.services.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A pool's RS256 key: signs access tokens, verifies them, and publishes itself as a JWK. */
final class SigningKey {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final String kid;
  private final KeyPair pair;

  private SigningKey(String kid, KeyPair pair) {
    this.kid = kid;
    this.pair = pair;
  }

  static SigningKey generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new SigningKey(UUID.randomUUID().toString(), g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", kid);
    header.put("alg", "RS256");
    String input = part(header) + "." + part(claims);
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(pair.getPrivate());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a token this key signed; empty if it is malformed, another key's, or tampered with. */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) return Optional.empty();
    try {
      Map<String, Object> header = JSON.readValue(DECODE.decode(parts[0]), Map.class);
      if (!"RS256".equals(header.get("alg")) || !kid.equals(header.get("kid"))) return Optional.empty();
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(pair.getPublic());
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(DECODE.decode(parts[2]))) return Optional.empty();
      return Optional.of(JSON.readValue(DECODE.decode(parts[1]), Map.class));
    } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  Map<String, Object> jwk() {
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alg", "RS256");
    out.put("e", B64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
    out.put("kid", kid);
    out.put("kty", "RSA");
    out.put("n", B64.encodeToString(unsigned(pub.getModulus().toByteArray())));
    out.put("use", "sig");
    return out;
  }

  private static byte[] unsigned(byte[] b) {
    return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static String part(Map<String, Object> m) {
    try {
      return B64.encodeToString(JSON.writeValueAsBytes(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + kid + "]";
  }
}
