package io.harnessdeployer.activities.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretDelete;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.SecretSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The three secret modes of spec §6.2 against the real emulator. */
class SecretsActivitiesTest {
  static EmulatorRig rig;
  static SecretsActivitiesImpl secrets;
  static SecretsManagerClient sm;
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");
  static final String NEW_SECRET = "zs-rotated-secret-77b1e0";
  static final List<String> KEYS = List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET",
      "ZSCALER_VANITY_DOMAIN", "ZSCALER_CUSTOMER_ID");

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    sm = rig.aws.secrets(EmulatorRig.REGION);
    secrets = new SecretsActivitiesImpl(rig.aws::secrets, rig.credentials);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  SecretSpec managed(Scope scope) {
    return new SecretSpec(scope, SecretMode.MANAGED, Names.SECRET_NAME, rig.sealedCredentials());
  }

  List<Map<String, Object>> live() {
    return rig.resources("secretsmanager").stream().filter(r -> !"DELETED".equals(r.get("status"))).toList();
  }

  static void assertNoSecretIn(Object o) {
    String s = String.valueOf(o);
    assertFalse(s.contains(EmulatorRig.CLIENT_SECRET), s);
  }

  @Test
  void managed_twice_createsOnce_withThePayload_rerunAdoptsWithoutWriting() throws Exception {
    SecretRef first = secrets.ensureSecret(managed(RUN_1));
    SecretRef retry = secrets.ensureSecret(managed(RUN_1));
    SecretRef rerun = secrets.ensureSecret(managed(RUN_2));
    assertEquals(List.of(Outcome.CREATED, Outcome.CREATED, Outcome.ADOPTED),
        List.of(first.outcome(), retry.outcome(), rerun.outcome()));
    assertEquals(KEYS, first.keys());
    assertEquals(KEYS, rerun.keys());
    assertTrue(first.arn().startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + Names.SECRET_NAME + "-"));
    assertEquals(1, rig.count("secretsmanager", "CreateSecret"));
    assertEquals(0, rig.count("secretsmanager", "PutSecretValue"), "a healthy secret is never overwritten");
    assertEquals(1, live().size());
    Map<?, ?> payload = new ObjectMapper().readValue(
        sm.getSecretValue(r -> r.secretId(Names.SECRET_NAME)).secretString(), Map.class);
    assertEquals(Map.of("ZSCALER_CLIENT_ID", EmulatorRig.CLIENT_ID, "ZSCALER_CLIENT_SECRET", EmulatorRig.CLIENT_SECRET,
        "ZSCALER_VANITY_DOMAIN", "acme", "ZSCALER_CUSTOMER_ID", "cust-1"), payload);
    List.of(first, retry, rerun).forEach(SecretsActivitiesTest::assertNoSecretIn);
  }

  @Test
  void managed_sameCredentials_inAnotherOrderAndSpacing_isNotRotated() {
    secrets.ensureSecret(managed(RUN_1));
    // the same key/values as the payload, reordered and spaced: not a rotation
    sm.putSecretValue(r -> r.secretId(Names.SECRET_NAME).secretString("{ \"ZSCALER_CUSTOMER_ID\": \"cust-1\","
        + " \"ZSCALER_VANITY_DOMAIN\": \"acme\", \"ZSCALER_CLIENT_SECRET\": \"" + EmulatorRig.CLIENT_SECRET
        + "\", \"ZSCALER_CLIENT_ID\": \"" + EmulatorRig.CLIENT_ID + "\" }"));
    int puts = rig.count("secretsmanager", "PutSecretValue");

    SecretRef rerun = secrets.ensureSecret(managed(RUN_2));

    assertEquals(Outcome.ADOPTED, rerun.outcome());
    assertFalse(rerun.rotated());
    assertEquals(puts, rig.count("secretsmanager", "PutSecretValue"), "the same credentials are never rewritten");
  }

  @Test
  void managed_changedCredentials_putANewVersion_reportedRotated() throws Exception {
    SecretRef first = secrets.ensureSecret(managed(RUN_1));
    assertFalse(first.rotated());
    String firstVersion = currentVersion();
    Sealed rotated = new ZscalerCredentials(EmulatorRig.CLIENT_ID, NEW_SECRET, "cust-1", "acme", null).seal(rig.key);

    SecretRef ref = secrets.ensureSecret(new SecretSpec(RUN_2, SecretMode.MANAGED, Names.SECRET_NAME, rotated));

    assertEquals(List.of("ZSCALER_CLIENT_SECRET"), ref.rotatedKeys(), "names, never values");
    assertEquals(Outcome.UPDATED, ref.outcome(), "never rolled back: the run did not create it");
    assertEquals(first.arn(), ref.arn());
    assertEquals(KEYS, ref.keys());
    List<Map<String, Object>> puts = rig.requests("secretsmanager", "PutSecretValue");
    assertEquals(1, puts.size());
    assertFalse(String.valueOf(puts).contains(NEW_SECRET), "the request log masks the value");
    assertNotEquals(firstVersion, currentVersion(), "a new AWSCURRENT version");
    Map<?, ?> payload = new ObjectMapper().readValue(
        sm.getSecretValue(r -> r.secretId(Names.SECRET_NAME)).secretString(), Map.class);
    assertEquals(Map.of("ZSCALER_CLIENT_ID", EmulatorRig.CLIENT_ID, "ZSCALER_CLIENT_SECRET", NEW_SECRET,
        "ZSCALER_VANITY_DOMAIN", "acme", "ZSCALER_CUSTOMER_ID", "cust-1"), payload);
    assertFalse(String.valueOf(ref).contains(NEW_SECRET) || String.valueOf(ref).contains(EmulatorRig.CLIENT_SECRET));

    SecretRef again = secrets.ensureSecret(new SecretSpec(RUN_2, SecretMode.MANAGED, Names.SECRET_NAME, rotated));
    assertFalse(again.rotated(), "a retry finds the new credentials in place");
    assertEquals(1, rig.count("secretsmanager", "PutSecretValue"));
  }

  @Test
  void managed_removedOptionalKey_isARotation_rotatedByHand_isOverwrittenByTheDeploy() {
    secrets.ensureSecret(managed(RUN_1));
    Sealed withoutVanity = new ZscalerCredentials(EmulatorRig.CLIENT_ID, EmulatorRig.CLIENT_SECRET, "cust-1", null, null)
        .seal(rig.key);
    SecretRef dropped = secrets.ensureSecret(new SecretSpec(RUN_2, SecretMode.MANAGED, Names.SECRET_NAME, withoutVanity));
    assertEquals(List.of("ZSCALER_VANITY_DOMAIN"), dropped.rotatedKeys());
    assertEquals(List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_CUSTOMER_ID"), dropped.keys(),
        "the container projects only what the new value holds");

    // an operator's rotation in Secrets Manager alone: the deploy's credentials are the source of truth
    sm.putSecretValue(r -> r.secretId(Names.SECRET_NAME).secretString(
        "{\"ZSCALER_CLIENT_ID\":\"" + EmulatorRig.CLIENT_ID + "\",\"ZSCALER_CLIENT_SECRET\":\"by-hand\"}"));
    SecretRef back = secrets.ensureSecret(managed(RUN_2));
    assertEquals(List.of("ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN", "ZSCALER_CUSTOMER_ID"), back.rotatedKeys());
    assertTrue(sm.getSecretValue(r -> r.secretId(Names.SECRET_NAME)).secretString().contains(EmulatorRig.CLIENT_SECRET));
  }

  @Test
  void managed_differentCredentials_inASecretNotTaggedForTheDeployment_areKept() {
    sm.createSecret(r -> r.name(Names.SECRET_NAME).secretString(
        "{\"ZSCALER_CLIENT_ID\":\"theirs\",\"ZSCALER_CLIENT_SECRET\":\"their-secret\"}"));
    // not ours: the ownership rule refuses it before any read of its value or any write
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> secrets.ensureSecret(managed(RUN_1)));
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertEquals(0, rig.count("secretsmanager", "PutSecretValue"), "only this deployment's own secret is rotated");
    assertTrue(sm.getSecretValue(r -> r.secretId(Names.SECRET_NAME)).secretString().contains("their-secret"));
  }

  @Test
  void managed_rotationFailure_namesNoSecret() {
    secrets.ensureSecret(managed(RUN_1));
    rig.fault("secretsmanager", "PutSecretValue", "AccessDeniedException", 400, 1);
    Sealed rotated = new ZscalerCredentials(EmulatorRig.CLIENT_ID, NEW_SECRET, "cust-1", "acme", null).seal(rig.key);
    ApplicationFailure f = assertThrows(ApplicationFailure.class,
        () -> secrets.ensureSecret(new SecretSpec(RUN_2, SecretMode.MANAGED, Names.SECRET_NAME, rotated)));
    assertEquals(FailureTypes.ACCESS_DENIED, f.getType());
    assertFalse(f.getOriginalMessage().contains(NEW_SECRET), f.getOriginalMessage());
    assertNoSecretIn(f.getOriginalMessage());
  }

  private String currentVersion() {
    return sm.describeSecret(r -> r.secretId(Names.SECRET_NAME)).versionIdsToStages().entrySet().stream()
        .filter(e -> e.getValue().contains("AWSCURRENT")).map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  @Test
  void managed_softDeleted_isRestored_retagged_andRewritten() {
    secrets.ensureSecret(managed(RUN_1));
    sm.putSecretValue(r -> r.secretId(Names.SECRET_NAME).secretString("{\"ZSCALER_CLIENT_ID\":\"old\"}"));
    DeleteResult deleted = secrets.deleteSecret(new SecretDelete(RUN_1, DeleteMode.DEPLOYMENT, Names.SECRET_NAME, false));
    assertEquals(DeleteOutcome.DELETED, deleted.outcome());
    assertTrue(deleted.detail().contains("7 days"));
    SecretRef restored = secrets.ensureSecret(managed(RUN_2));
    assertEquals(Outcome.RESTORED, restored.outcome());
    assertEquals(1, rig.count("secretsmanager", "RestoreSecret"));
    assertTrue(sm.getSecretValue(r -> r.secretId(Names.SECRET_NAME)).secretString().contains(EmulatorRig.CLIENT_SECRET),
        "the current credentials win over the restored value");
    var tags = sm.describeSecret(r -> r.secretId(Names.SECRET_NAME)).tags().stream()
        .collect(java.util.stream.Collectors.toMap(t -> t.key(), t -> t.value()));
    assertEquals("run-2", tags.get(Names.TAG_RUN), "rollback of run 2 soft-deletes it again");
    assertEquals(DeleteOutcome.DELETED,
        secrets.deleteSecret(new SecretDelete(RUN_2, DeleteMode.THIS_RUN, Names.SECRET_NAME, false)).outcome());
  }

  @Test
  void managed_unusableExistingValue_isValidation() {
    // this deployment's own secret (an untagged one would be a conflict: see OwnershipOnEmulatorTest)
    sm.createSecret(r -> r.name(Names.SECRET_NAME).secretString("not json " + EmulatorRig.CLIENT_SECRET)
        .tags(RUN_1.tags().entrySet().stream()
            .map(t -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key(t.getKey())
                .value(t.getValue()).build()).toList()));
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> secrets.ensureSecret(managed(RUN_1)));
    assertEquals(FailureTypes.VALIDATION, f.getType());
    assertNoSecretIn(f.getOriginalMessage());
  }

  @Test
  void bringYourOwn_readsKeys_neverWrites_neverDeletes() {
    sm.createSecret(r -> r.name("ops/zscaler").secretString(
        "{\"ZSCALER_CLIENT_ID\":\"a\",\"ZSCALER_CLIENT_SECRET\":\"b\",\"OTHER\":\"c\"}"));
    SecretRef ref = secrets.ensureSecret(new SecretSpec(RUN_1, SecretMode.BRING_YOUR_OWN, "ops/zscaler", null));
    assertEquals(Outcome.ADOPTED, ref.outcome());
    assertTrue(ref.managedExternally());
    assertEquals(List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"), ref.keys(), "unknown keys are not projected");
    assertEquals(0, rig.count("secretsmanager", "PutSecretValue"));
    for (DeleteMode mode : DeleteMode.values()) {
      assertEquals(DeleteOutcome.KEPT_NOT_OURS,
          secrets.deleteSecret(new SecretDelete(RUN_1, mode, "ops/zscaler", true)).outcome());
    }
    assertEquals(1, live().size());
  }

  @Test
  void bringYourOwn_missing_isNotFound_softDeleted_isValidation() {
    ApplicationFailure missing = assertThrows(ApplicationFailure.class,
        () -> secrets.ensureSecret(new SecretSpec(RUN_1, SecretMode.BRING_YOUR_OWN, "ops/none", null)));
    assertEquals(FailureTypes.NOT_FOUND, missing.getType());
    sm.createSecret(r -> r.name("ops/gone").secretString("{\"ZSCALER_CLIENT_ID\":\"a\"}"));
    sm.deleteSecret(r -> r.secretId("ops/gone").recoveryWindowInDays(7L));
    ApplicationFailure gone = assertThrows(ApplicationFailure.class,
        () -> secrets.ensureSecret(new SecretSpec(RUN_1, SecretMode.BRING_YOUR_OWN, "ops/gone", null)));
    assertEquals(FailureTypes.VALIDATION, gone.getType());
    assertEquals(0, rig.count("secretsmanager", "RestoreSecret"));
  }

  @Test
  void deleteSecret_forceAndIdempotence() {
    secrets.ensureSecret(managed(RUN_1));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS,
        secrets.deleteSecret(new SecretDelete(RUN_2, DeleteMode.THIS_RUN, Names.SECRET_NAME, true)).outcome());
    DeleteResult forced = secrets.deleteSecret(new SecretDelete(RUN_1, DeleteMode.THIS_RUN, Names.SECRET_NAME, true));
    assertEquals(DeleteOutcome.DELETED, forced.outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE,
        secrets.deleteSecret(new SecretDelete(RUN_1, DeleteMode.THIS_RUN, Names.SECRET_NAME, true)).outcome());
    assertTrue(live().isEmpty());
  }

  @Test
  void faults_throttlingRetryable_accessDeniedNot_secretNeverInMessages() {
    rig.fault("secretsmanager", "CreateSecret", "ThrottlingException", 400, 5);
    ApplicationFailure t = assertThrows(ApplicationFailure.class, () -> secrets.ensureSecret(managed(RUN_1)));
    assertEquals(FailureTypes.THROTTLING, t.getType());
    assertFalse(t.isNonRetryable());
    rig.emulator.faults().clear();
    rig.fault("secretsmanager", "CreateSecret", "AccessDeniedException", 400, 1);
    ApplicationFailure d = assertThrows(ApplicationFailure.class, () -> secrets.ensureSecret(managed(RUN_1)));
    assertEquals(FailureTypes.ACCESS_DENIED, d.getType());
    assertTrue(d.isNonRetryable());
    assertNoSecretIn(t.getOriginalMessage());
    assertNoSecretIn(d.getOriginalMessage());
    assertNotNull(d.getOriginalMessage());
  }

  @Test
  void plaintextMode_isRejected() {
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> secrets.ensureSecret(
        new SecretSpec(RUN_1, SecretMode.PLAINTEXT, Names.SECRET_NAME, rig.sealedCredentials())));
    assertEquals(FailureTypes.VALIDATION, f.getType());
  }
}
