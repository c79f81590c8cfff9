package io.harnessdeployer.emulator.state;

import java.time.Clock;

/**
 * Settings every handler may read. {@code clock} drives lifecycles; tests may pass a fixed or
 * stepping clock.
 */
public record EmulatorSettings(
    String accountId,
    String defaultRegion,
    LatencyProfile latency,
    Clock clock,
    boolean verifySignatures,
    String accessKeyId,
    String secretAccessKey) {

  public static final String DEFAULT_ACCOUNT = "123456789012";

  public static EmulatorSettings defaults() {
    return new EmulatorSettings(
        DEFAULT_ACCOUNT, "us-east-1", LatencyProfile.instant(), Clock.systemUTC(), false, "test", "test");
  }

  public EmulatorSettings withLatency(LatencyProfile p) {
    return new EmulatorSettings(accountId, defaultRegion, p, clock, verifySignatures, accessKeyId, secretAccessKey);
  }

  public EmulatorSettings withClock(Clock c) {
    return new EmulatorSettings(accountId, defaultRegion, latency, c, verifySignatures, accessKeyId, secretAccessKey);
  }
}
