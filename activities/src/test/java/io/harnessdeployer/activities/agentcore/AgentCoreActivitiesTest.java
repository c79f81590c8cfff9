package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.ApplicationFailure;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Token Vault provider and harness failures against the real emulator. */
class AgentCoreActivitiesTest {
  static EmulatorRig rig;
  static AgentCoreActivitiesImpl agentCore;
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");
  static final String BASIC_B64 = Base64.getEncoder().encodeToString(
      (EmulatorRig.CLIENT_ID + ":" + EmulatorRig.CLIENT_SECRET).getBytes());

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    agentCore = new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling);
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
  }

  List<Map<String, Object>> resources(String type) {
    return rig.resources("bedrock-agentcore-control").stream().filter(r -> type.equals(r.get("type"))).toList();
  }

  ApiKeyProviderSpec provider(Scope scope) {
    return new ApiKeyProviderSpec(scope, Names.API_KEY_PROVIDER, rig.sealedCredentials());
  }

  @Test
  void basicHeader_isBase64OfIdColonSecret() {
    assertEquals("Basic " + BASIC_B64, Credentials.basicHeader(
        new ZscalerCredentials(EmulatorRig.CLIENT_ID, EmulatorRig.CLIENT_SECRET, null, null, null)));
  }

  @Test
  void ensureApiKeyProvider_twice_createsOnceThenUpdatesTheKey() {
    ResourceRef first = agentCore.ensureApiKeyProvider(provider(RUN_1));
    ResourceRef retry = agentCore.ensureApiKeyProvider(provider(RUN_1));
    ResourceRef rerun = agentCore.ensureApiKeyProvider(provider(RUN_2));
    assertEquals(Outcome.CREATED, first.outcome());
    assertEquals(Outcome.CREATED, retry.outcome(), "still this run's: its undo stays registered");
    assertEquals(Outcome.UPDATED, rerun.outcome(), "the stored key follows the current credentials");
    assertEquals(first.arn(), rerun.arn());
    assertEquals(1, rig.count("bedrock-agentcore-control", "CreateApiKeyCredentialProvider"));
    assertEquals(2, rig.count("bedrock-agentcore-control", "UpdateApiKeyCredentialProvider"));
    List<Map<String, Object>> providers = resources("apikey-credential-provider");
    assertEquals(1, providers.size());
    assertEquals(RUN_1.tags(), providers.get(0).get("tags"));
    for (ResourceRef ref : List.of(first, retry, rerun)) {
      assertFalse(ref.toString().contains(BASIC_B64) || ref.toString().contains(EmulatorRig.CLIENT_SECRET));
    }
  }

  @Test
  void deleteApiKeyProvider_ownershipAndIdempotence() {
    agentCore.ensureApiKeyProvider(provider(RUN_1));
    ResourceDelete otherRun = new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, Names.API_KEY_PROVIDER);
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, agentCore.deleteApiKeyProvider(otherRun).outcome());
    ResourceDelete thisRun = new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.API_KEY_PROVIDER);
    assertEquals(DeleteOutcome.DELETED, agentCore.deleteApiKeyProvider(thisRun).outcome());
    assertEquals(DeleteOutcome.ALREADY_GONE, agentCore.deleteApiKeyProvider(thisRun).outcome());
    assertTrue(resources("apikey-credential-provider").isEmpty());
  }

  @Test
  void providerOfAnotherDeployment_isKeptByDestroy() {
    Scope other = new Scope(new io.harnessdeployer.workflows.common.DeploymentKey(EmulatorRig.REGION, "other"), "r9");
    agentCore.ensureApiKeyProvider(provider(other));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, agentCore.deleteApiKeyProvider(
        new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, Names.API_KEY_PROVIDER)).outcome());
    assertEquals(1, resources("apikey-credential-provider").size());
  }

  @Test
  void faults_throttledRetryable_deniedNot_andTheKeyNeverInTheMessage() {
    rig.fault("bedrock-agentcore-control", "CreateApiKeyCredentialProvider", "ThrottlingException", 429, 5);
    ApplicationFailure throttled = assertThrows(ApplicationFailure.class,
        () -> agentCore.ensureApiKeyProvider(provider(RUN_1)));
    assertEquals(FailureTypes.THROTTLING, throttled.getType());
    assertFalse(throttled.isNonRetryable());
    rig.emulator.faults().clear();

    rig.fault("bedrock-agentcore-control", "CreateApiKeyCredentialProvider", "AccessDeniedException", 403, 1);
    ApplicationFailure denied = assertThrows(ApplicationFailure.class,
        () -> agentCore.ensureApiKeyProvider(provider(RUN_1)));
    assertEquals(FailureTypes.ACCESS_DENIED, denied.getType());
    assertTrue(denied.isNonRetryable());
    for (ApplicationFailure f : List.of(throttled, denied)) {
      assertFalse(f.getOriginalMessage().contains(BASIC_B64), f.getOriginalMessage());
      assertFalse(f.getOriginalMessage().contains(EmulatorRig.CLIENT_SECRET), f.getOriginalMessage());
    }
    assertTrue(resources("apikey-credential-provider").isEmpty());
  }

  @Test
  void wrongSealKey_isUnsealing_andSaysNothingOfTheValue() {
    var wrong = new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness,
        new Credentials(io.harnessdeployer.workflows.secrets.SealKey.of(filled(7), "other")), rig.polling);
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> wrong.ensureApiKeyProvider(provider(RUN_1)));
    assertEquals(FailureTypes.UNSEALING, f.getType());
    assertTrue(f.isNonRetryable());
    assertEquals(0, rig.count("bedrock-agentcore-control", "CreateApiKeyCredentialProvider"));
  }

  @Test
  void ensureHarness_withARoleIamHasNotPropagated_isRetryableIamPropagation() {
    HarnessSpec spec = new HarnessSpec(RUN_1, Names.HARNESS_NAME,
        "arn:aws:iam::123456789012:role/" + Names.HARNESS_ROLE, Names.DEFAULT_MODEL_ID,
        "https://zs-1.ecs.us-east-1.on.aws/mcp",
        "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/p",
        "0123456789abcdef0123456789abcdef0123");
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> agentCore.ensureHarness(spec));
    assertEquals(FailureTypes.IAM_PROPAGATION, f.getType(), f.getOriginalMessage());
    assertFalse(f.isNonRetryable());
    assertTrue(resources("harness").isEmpty());
  }

  @Test
  void deleteHarness_missing_isAlreadyGone() {
    assertEquals(DeleteOutcome.ALREADY_GONE, agentCore.deleteHarness(
        new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, Names.HARNESS_NAME)).outcome());
  }

  static byte[] filled(int b) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) b);
    return k;
  }
}
