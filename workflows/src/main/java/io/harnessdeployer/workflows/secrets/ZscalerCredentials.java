package io.harnessdeployer.workflows.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.Names;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zscaler OneAPI credentials. They cross Temporal only as a {@link Sealed} compact JSON object keyed
 * by the env names of {@link Names#CREDENTIAL_KEYS} (the secret payload of spec §6.1); {@link
 * #toString()} masks the client secret.
 *
 * @param customerId may be null when the MCP server is external
 * @param vanityDomain may be null when the MCP server is external
 * @param cloud optional, e.g. "production" or "beta"
 */
public record ZscalerCredentials(
    String clientId, String clientSecret, String customerId, String vanityDomain, String cloud) {

  /** Associated data for sealing, so these bytes cannot be opened as another kind of secret. */
  public static final String PURPOSE = "zscaler-credentials";

  public static final String CLIENT_ID = "ZSCALER_CLIENT_ID";
  public static final String CLIENT_SECRET = "ZSCALER_CLIENT_SECRET";
  public static final String CUSTOMER_ID = "ZSCALER_CUSTOMER_ID";
  public static final String VANITY_DOMAIN = "ZSCALER_VANITY_DOMAIN";
  public static final String CLOUD = "ZSCALER_CLOUD";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  public static ZscalerCredentials fromEnv(Map<String, String> env) {
    return new ZscalerCredentials(
        env.get(CLIENT_ID), env.get(CLIENT_SECRET), env.get(CUSTOMER_ID), env.get(VANITY_DOMAIN), env.get(CLOUD));
  }

  /**
   * The non-blank values keyed by their env / secret-payload names, in {@link Names#CREDENTIAL_KEYS}
   * order. Plaintext: only for the activity that writes the secret or the container environment.
   */
  public Map<String, String> asEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String key : Names.CREDENTIAL_KEYS) {
      String value = switch (key) {
        case CLIENT_ID -> clientId;
        case CLIENT_SECRET -> clientSecret;
        case CUSTOMER_ID -> customerId;
        case VANITY_DOMAIN -> vanityDomain;
        case CLOUD -> cloud;
        default -> null;
      };
      if (value != null && !value.isBlank()) {
        env.put(key, value);
      }
    }
    return env;
  }

  public Sealed seal(SealKey key) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(asEnv());
    } catch (IOException e) {
      throw new SealException("could not encode Zscaler credentials");
    }
    try {
      return new Sealer(key, PURPOSE).seal(json);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  public static ZscalerCredentials unseal(SealKey key, Sealed sealed) {
    byte[] json = new Sealer(key, PURPOSE).unseal(sealed);
    try {
      return fromEnv(JSON.readValue(json, MAP));
    } catch (IOException e) {
      // no cause: a parser message may quote the decrypted text
      throw new SealException("sealed Zscaler credentials are not a JSON object of strings");
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "ZscalerCredentials[clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "<none>" : "****")
        + ", customerId=" + customerId + ", vanityDomain=" + vanityDomain + ", cloud=" + cloud + "]";
  }
}
