package io.harnessdeployer.emulator.services.secretsmanager;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.HandlerHarness;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Secrets Manager through the real SDK client, on an emulator clock the test moves. */
class SecretsManagerContractTest {
  static final String NAME = SecretsManagerHandlerTest.NAME;
  static final String PAYLOAD = SecretsManagerHandlerTest.PAYLOAD;
  static final HandlerHarness.MutableClock clock = new HandlerHarness.MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
  static Emulator emulator;
  static SecretsManagerClient sm;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().settings(EmulatorSettings.defaults().withClock(clock)).build().start();
    sm = Clients.of(SecretsManagerClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    sm.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.handlers().forEach(ServiceHandler::reset);
  }

  @Test
  void secretLifecycle_withSoftDeleteAndRestore() {
    CreateSecretResponse created =
        sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD).description("Zscaler OneAPI credentials")
            .tags(Tag.builder().key("managed-by").value("zscaler-mcp-harness").build()));
    assertTrue(created.arn().matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + NAME + "-[A-Za-z0-9]{6}"));
    assertNotNull(created.versionId(), "the SDK fills ClientRequestToken, which becomes the version id");

    DescribeSecretResponse described = sm.describeSecret(r -> r.secretId(NAME));
    assertEquals(created.arn(), described.arn());
    assertEquals(Map.of(created.versionId(), List.of("AWSCURRENT")), described.versionIdsToStages());
    assertEquals(clock.instant(), described.createdDate());
    assertNull(described.deletedDate());

    assertEquals(PAYLOAD, sm.getSecretValue(r -> r.secretId(created.arn())).secretString());
    String v2 = sm.putSecretValue(r -> r.secretId(NAME).secretString("{\"ZSCALER_CLIENT_ID\":\"new\"}")).versionId();
    assertEquals(List.of("AWSPREVIOUS"), sm.describeSecret(r -> r.secretId(NAME)).versionIdsToStages().get(created.versionId()));
    assertEquals(v2, sm.getSecretValue(r -> r.secretId(NAME)).versionId());
    assertEquals(PAYLOAD, sm.getSecretValue(r -> r.secretId(NAME).versionStage("AWSPREVIOUS")).secretString());

    sm.tagResource(r -> r.secretId(NAME).tags(Tag.builder().key("deployment").value("d-1").build()));
    sm.untagResource(r -> r.secretId(NAME).tagKeys("managed-by"));
    assertEquals(List.of(Tag.builder().key("deployment").value("d-1").build()), sm.describeSecret(r -> r.secretId(NAME)).tags());
    assertEquals(List.of(NAME), sm.listSecretsPaginator(r -> r.maxResults(1)).stream().flatMap(p -> p.secretList().stream()).map(e -> e.name()).toList());

    DeleteSecretResponse deleted = sm.deleteSecret(r -> r.secretId(NAME).recoveryWindowInDays(7L));
    assertEquals(clock.instant().plus(Duration.ofDays(7)), deleted.deletionDate());
    assertEquals(clock.instant(), sm.describeSecret(r -> r.secretId(NAME)).deletedDate());
    InvalidRequestException marked = assertThrows(InvalidRequestException.class, () -> sm.getSecretValue(r -> r.secretId(NAME)));
    assertEquals(400, marked.statusCode());
    assertEquals("You can't perform this operation on the secret because it was marked for deletion.", marked.awsErrorDetails().errorMessage());
    assertThrows(InvalidRequestException.class, () -> sm.putSecretValue(r -> r.secretId(NAME).secretString("x")));
    InvalidRequestException scheduled = assertThrows(InvalidRequestException.class, () -> sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD)));
    assertTrue(scheduled.awsErrorDetails().errorMessage().contains("scheduled for deletion"));

    sm.restoreSecret(r -> r.secretId(NAME));
    assertNull(sm.describeSecret(r -> r.secretId(NAME)).deletedDate());
    assertEquals(v2, sm.getSecretValue(r -> r.secretId(NAME)).versionId());

    sm.deleteSecret(r -> r.secretId(NAME).forceDeleteWithoutRecovery(true));
    ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId(NAME)));
    assertEquals(400, gone.statusCode());
    assertEquals("Secrets Manager can't find the specified secret.", gone.awsErrorDetails().errorMessage());
  }

  @Test
  void scheduledSecret_disappearsWhenTheWindowPasses() {
    sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD));
    sm.deleteSecret(r -> r.secretId(NAME).recoveryWindowInDays(7L));
    clock.advance(Duration.ofDays(7));
    assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId(NAME)));
    assertEquals(NAME, sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD)).name());
  }

  @Test
  void modeledErrors_reachTheClientAsTheirExceptions() {
    sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD));
    ResourceExistsException exists = assertThrows(ResourceExistsException.class, () -> sm.createSecret(r -> r.name(NAME).secretString(PAYLOAD)));
    assertEquals("The operation failed because the secret " + NAME + " already exists.", exists.awsErrorDetails().errorMessage());
    assertThrows(InvalidParameterException.class,
        () -> sm.deleteSecret(r -> r.secretId(NAME).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)));
    assertThrows(ResourceNotFoundException.class, () -> sm.getSecretValue(r -> r.secretId("missing")));
  }

  @Test
  void binarySecrets_roundTrip() {
    sm.createSecret(r -> r.name("bin").secretBinary(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
    assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, sm.getSecretValue(r -> r.secretId("bin")).secretBinary().asByteArray());
  }
}
