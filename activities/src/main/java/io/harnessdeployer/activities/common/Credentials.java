package io.harnessdeployer.activities.common;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.secrets.SealException;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.secrets.Sealer;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Opens the sealed Zscaler credentials inside an activity. What comes out stays in the activity's
 * memory: it is sent to AWS and nowhere else.
 */
public final class Credentials {
  private final SealKey key;

  public Credentials(SealKey key) {
    this.key = key;
  }

  /** The credentials; a wrong key or a missing id/secret is a non-retryable failure. */
  public ZscalerCredentials open(Sealed sealed, String purpose) {
    if (sealed == null) {
      throw AwsFailures.failure(FailureTypes.VALIDATION, purpose + ": no sealed credentials given");
    }
    ZscalerCredentials c;
    try {
      c = ZscalerCredentials.unseal(key, sealed);
    } catch (SealException e) {
      throw AwsFailures.failure(FailureTypes.UNSEALING, purpose + ": " + e.getMessage());
    }
    Map<String, String> env = c.asEnv();
    if (!env.containsKey(Names.KEY_CLIENT_ID) || !env.containsKey(Names.KEY_CLIENT_SECRET)) {
      throw AwsFailures.failure(FailureTypes.VALIDATION,
          purpose + ": the credentials need both " + Names.KEY_CLIENT_ID + " and " + Names.KEY_CLIENT_SECRET);
    }
    return c;
  }

  /** Seals a secret this activity read from AWS (an app client's), so it enters history only sealed. */
  public Sealed seal(String value, String purpose) {
    return new Sealer(key, purpose).seal(value);
  }

  /** Opens what {@link #seal} sealed for {@code purpose}; a wrong key or purpose is non-retryable. */
  public String unseal(Sealed sealed, String purpose, String what) {
    if (sealed == null) {
      throw AwsFailures.failure(FailureTypes.VALIDATION, what + ": no sealed value given");
    }
    try {
      return new Sealer(key, purpose).unsealString(sealed);
    } catch (SealException e) {
      throw AwsFailures.failure(FailureTypes.UNSEALING, what + ": " + e.getMessage());
    }
  }

  /** {@code Basic base64(client_id:client_secret)}: the Token Vault value (spec §2 step 9). */
  public static String basicHeader(ZscalerCredentials c) {
    String pair = c.clientId() + ":" + c.clientSecret();
    return Names.BASIC_PREFIX + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
