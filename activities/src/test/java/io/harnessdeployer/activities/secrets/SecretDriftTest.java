package io.harnessdeployer.activities.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.SecretSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretDriftTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static EmulatorRig rig;
  static SecretsActivitiesImpl secrets;
  static SecretsManagerClient sm;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    secrets = new SecretsActivitiesImpl(rig.aws::secrets, rig.credentials);
    sm = rig.aws.secrets(EmulatorRig.REGION);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  static List<PropertyDiff> drift(SecretMode mode, String id) {
    DeployRequest.Builder b = DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials()).secretMode(mode);
    DeployRequest req = (mode == SecretMode.BRING_YOUR_OWN ? b.byoSecretId(id) : b).build();
    return new Drift(req, RUN).diff("secret", Map.of(), secrets.describeSecret(new Lookup(RUN, id)));
  }

  SecretRef ensureManaged() {
    return secrets.ensureSecret(new SecretSpec(RUN, SecretMode.MANAGED, Names.SECRET_NAME, rig.sealedCredentials()));
  }

  @Test
  void managed_afterEnsure_noDrift_andTheDescribeNamesKeysNeverValues() {
    SecretRef ref = ensureManaged();
    assertEquals(List.of(), drift(SecretMode.MANAGED, Names.SECRET_NAME));
    Observed seen = secrets.describeSecret(new Lookup(RUN, Names.SECRET_NAME));
    assertEquals(ref.arn(), seen.properties().get("arn"));
    assertEquals(ref.keys(), seen.properties().get("keys"));
    assertNotNull(seen.properties().get("currentVersionId"));
    assertFalse(seen.toString().contains(EmulatorRig.CLIENT_SECRET), seen.toString());
    assertFalse(seen.toString().contains(EmulatorRig.CLIENT_ID), "not even the client id");
  }

  @Test
  void aValuePutOutOfBand_isReportedByVersionOnly_andTheNextEnsureRecordsItsOwnAgain() {
    String arn = ensureManaged().arn();
    String deployed = (String) secrets.describeSecret(new Lookup(RUN, Names.SECRET_NAME)).properties().get("currentVersionId");
    String other = sm.putSecretValue(r -> r.secretId(arn)
        .secretString("{\"ZSCALER_CLIENT_ID\":\"x\",\"ZSCALER_CLIENT_SECRET\":\"hand-typed-secret\"}")).versionId();
    List<PropertyDiff> diffs = drift(SecretMode.MANAGED, Names.SECRET_NAME);
    assertEquals(List.of(new PropertyDiff("currentVersion", Names.SECRET_VERSION_DEPLOYED,
        other + " (the deploy recorded " + deployed + ")", Kind.NOT_EQUAL)), diffs);
    assertFalse(diffs.toString().contains("hand-typed-secret"), diffs.toString());

    SecretRef healed = ensureManaged();
    assertTrue(healed.rotatedKeys().contains(Names.KEY_CLIENT_SECRET), healed.rotatedKeys().toString());
    assertEquals(List.of(), drift(SecretMode.MANAGED, Names.SECRET_NAME), "the deploy's value is back, in a recorded version");
  }

  @Test
  void theSameValuePutAgain_isANewVersion_whichTheNextEnsureRecordsWithoutRotating() {
    String arn = ensureManaged().arn();
    String same = sm.getSecretValue(r -> r.secretId(arn)).secretString();
    sm.putSecretValue(r -> r.secretId(arn).secretString(same));
    assertEquals(Kind.NOT_EQUAL, drift(SecretMode.MANAGED, Names.SECRET_NAME).get(0).kind());
    assertFalse(ensureManaged().rotated());
    assertEquals(List.of(), drift(SecretMode.MANAGED, Names.SECRET_NAME));
  }

  @Test
  void scheduledForDeletionOutOfBand_isNotEqualOnDeleted() {
    String arn = ensureManaged().arn();
    sm.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L));
    assertEquals(List.of(new PropertyDiff("deleted", false, true, Kind.NOT_EQUAL)), drift(SecretMode.MANAGED, Names.SECRET_NAME));
  }

  @Test
  void untagged_isRemove_andAMissingSecretDoesNotExist() {
    assertFalse(secrets.describeSecret(new Lookup(RUN, Names.SECRET_NAME)).exists());
    String arn = ensureManaged().arn();
    sm.untagResource(r -> r.secretId(arn).tagKeys(Names.TAG_INTEGRATION));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_INTEGRATION, Names.TAG_INTEGRATION_VALUE, null, Kind.REMOVE)),
        drift(SecretMode.MANAGED, Names.SECRET_NAME));
  }

  @Test
  void bringYourOwn_isNeverTagged_soOnlyItsPresenceIsCompared() {
    sm.createSecret(r -> r.name("ops/zscaler").secretString("{\"ZSCALER_CLIENT_ID\":\"a\",\"ZSCALER_CLIENT_SECRET\":\"b\"}"));
    assertEquals(List.of(), drift(SecretMode.BRING_YOUR_OWN, "ops/zscaler"));
    assertEquals(List.of(new PropertyDiff("deleted", false, null, Kind.REMOVE)), drift(SecretMode.BRING_YOUR_OWN, "ops/other"));
  }
}
