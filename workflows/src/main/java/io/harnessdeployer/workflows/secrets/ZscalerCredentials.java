package io.harnessdeployer.workflows.secrets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zscaler OneAPI credentials. They cross Temporal only as a {@link Sealed} value (see {@link
 * #seal(SealKey)}); {@link #toString()} masks the client secret.
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

  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public Sealed seal(SealKey key) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
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
      return JSON.readValue(json, ZscalerCredentials.class);
    } catch (java.io.IOException e) {
      // no cause: a parser message may quote the decrypted text
      throw new SealException("sealed Zscaler credentials are not the expected JSON");
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  /**
   * The non-blank values keyed by their env/secret-payload names (spec §6.1), in a stable order.
   * Plaintext: only for the activity that writes the secret or the container environment.
   */
  public Map<String, String> asEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    put(env, CLIENT_ID, clientId);
    put(env, CLIENT_SECRET, clientSecret);
    put(env, CUSTOMER_ID, customerId);
    put(env, VANITY_DOMAIN, vanityDomain);
    put(env, CLOUD, cloud);
    return env;
  }

  private static void put(Map<String, String> env, String key, String value) {
    if (value != null && !value.isBlank()) {
      env.put(key, value);
    }
  }

  @Override
  public String toString() {
    return "ZscalerCredentials[clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "<none>" : "****")
        + ", customerId=" + customerId + ", vanityDomain=" + vanityDomain + ", cloud=" + cloud + "]";
  }
}
