package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;

/**
 * What a handler knows about the call: who (the caller's account: the settings' one, or a role's
 * after STS AssumeRole), where (region from the SigV4 credential scope), when (the emulator clock)
 * and which request.
 *
 * @param caller who signed the request; null in lookups made without a request
 */
public record RequestContext(
    String service,
    String operation,
    String accountId,
    String region,
    String requestId,
    Instant now,
    EmulatorSettings settings,
    Caller caller) {

  public RequestContext(String service, String operation, String accountId, String region, String requestId,
      Instant now, EmulatorSettings settings) {
    this(service, operation, accountId, region, requestId, now, settings, null);
  }

  /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
  public String arn(String arnService, String resource) {
    return "arn:aws:" + arnService + ":" + region + ":" + accountId + ":" + resource;
  }

  /** For global services such as IAM: {@code arn:aws:iam::<account>:<resource>}. */
  public String globalArn(String arnService, String resource) {
    return "arn:aws:" + arnService + "::" + accountId + ":" + resource;
  }
}
