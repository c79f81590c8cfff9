package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;

/**
 * What a handler knows about the call: who (account from settings), where (region from the SigV4
 * credential scope), when (the emulator clock) and which request.
 */
public record RequestContext(
    String service,
    String operation,
    String accountId,
    String region,
    String requestId,
    Instant now,
    EmulatorSettings settings) {

  /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
  public String arn(String arnService, String resource) {
    return "arn:aws:" + arnService + ":" + region + ":" + accountId + ":" + resource;
  }

  /** For global services such as IAM: {@code arn:aws:iam::<account>:<resource>}. */
  public String globalArn(String arnService, String resource) {
    return "arn:aws:" + arnService + "::" + accountId + ":" + resource;
  }
}
