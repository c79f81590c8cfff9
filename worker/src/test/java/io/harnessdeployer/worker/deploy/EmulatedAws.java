package io.harnessdeployer.worker.deploy;

import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.services.agentcore.AgentCoreControlHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.worker.ActivityDeps;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real emulator in-process on port 0 (instant lifecycles) and the real activities wired to it
 * exactly as the worker wires them ({@link ActivityDeps}); one per test class, reset per test.
 */
final class EmulatedAws implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = EmulatorSettings.DEFAULT_ACCOUNT;
  static final String CLIENT_ID = "zs-client-e2e-7f3a";
  static final String CLIENT_SECRET = "zs-secret-e2e-Q9x4Lm2Vp8";

  /** Waits advance this clock instead of sleeping; the emulator reads the same one. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  final Emulator emulator;
  final EmulatorControl control;
  final SealKey key = SealKey.of(new byte[32], "e2e-test");
  final ActivityDeps deps;
  /** SDK clients on the emulator, for a test's own setup and inspection. */
  final AwsClients clients;

  EmulatedAws() {
    emulator = Emulator.builder()
        .port(0)
        .settings(EmulatorSettings.defaults().withLatency(LatencyProfile.instant()).withClock(clock))
        .build()
        .start();
    control = new EmulatorControl(emulator.endpoint());
    clients = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), REGION,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    deps = new ActivityDeps(clients, key, emulator.endpoint(), new Polling(clock, clock::advance, null));
  }

  Sealed sealedCredentials() {
    return sealedCredentials(CLIENT_SECRET);
  }

  /** The same credentials with another client secret, as after a rotation in {@code .env}. */
  Sealed sealedCredentials(String clientSecret) {
    return new ZscalerCredentials(CLIENT_ID, clientSecret, "cust-4242", "acme", null).seal(key);
  }

  /** SHA-256 (hex) of the key the Token Vault API-key provider {@code name} stores; empty if none. */
  java.util.Optional<String> storedApiKeySha256(String name) {
    return emulator.handler("bedrock-agentcore-control").map(AgentCoreControlHandler.class::cast)
        .flatMap(h -> h.storedApiKeySha256(ACCOUNT, REGION, name));
  }

  @Override
  public void close() {
    clients.close();
    emulator.close();
  }
}
