package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness against the emulator, on its clock: create once, READY, drift update, delete, gone. */
class HarnessActivitiesTest {
  static final Scope RUN_1 = EmulatorRig.scope("run-1");
  static final Scope RUN_2 = EmulatorRig.scope("run-2");
  static final String URL = "https://zs-0123456789abcdef.ecs.us-east-1.on.aws/mcp";

  EmulatorRig rig;
  TestActivityEnvironment env;
  AgentCoreActivitiesImpl impl;
  AgentCoreActivities agentCore;
  ResourceRef role;
  ResourceRef provider;

  @BeforeEach
  void start() {
    rig = new EmulatorRig(LatencyProfile.parse("instant,harness.create=6s,harness.update=4s,harness.delete=4s"));
    impl = new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(impl);
    agentCore = Activities.stub(env, AgentCoreActivities.class);
    role = new IamActivitiesImpl(rig.aws.iam()).ensureHarnessRole(
        new HarnessRoleSpec(RUN_1, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME));
    provider = impl.ensureApiKeyProvider(new ApiKeyProviderSpec(RUN_1, Names.API_KEY_PROVIDER, rig.sealedCredentials()));
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  HarnessSpec spec(Scope scope, String url, String token) {
    return new HarnessSpec(scope, Names.HARNESS_NAME, role.arn(), Names.DEFAULT_MODEL_ID, url, provider.arn(), token);
  }

  static String token(int n) {
    return String.valueOf(n).repeat(36);
  }

  List<Map<String, Object>> harnesses() {
    return rig.resources("bedrock-agentcore-control").stream().filter(r -> "harness".equals(r.get("type"))).toList();
  }

  @Test
  void ensureHarness_twice_createsOnce_waitsReady_rerunAdopts() {
    HarnessRef first = impl.ensureHarness(spec(RUN_1, URL, token(1)));
    HarnessRef retry = impl.ensureHarness(spec(RUN_1, URL, token(1)));
    assertEquals(Outcome.CREATED, first.outcome());
    assertEquals(Outcome.CREATED, retry.outcome());
    assertEquals(first.harnessId(), retry.harnessId());
    assertTrue(first.harnessId().startsWith(Names.HARNESS_NAME + "-"), first.harnessId());

    HarnessStatus ready = agentCore.awaitHarnessReady(
        new WaitSpec(RUN_1, first.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    assertEquals("READY", ready.status());

    HarnessRef rerun = impl.ensureHarness(spec(RUN_2, URL, token(2)));
    assertEquals(Outcome.ADOPTED, rerun.outcome());
    assertEquals(1, rig.count("bedrock-agentcore-control", "CreateHarness"));
    assertEquals(0, rig.count("bedrock-agentcore-control", "UpdateHarness"));
    assertEquals(1, harnesses().size());
    assertEquals(RUN_1.tags(), harnesses().get(0).get("tags"));
  }

  @Test
  void ensureHarness_newMcpUrl_updatesIt() {
    HarnessRef first = impl.ensureHarness(spec(RUN_1, URL, token(1)));
    agentCore.awaitHarnessReady(new WaitSpec(RUN_1, first.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    HarnessRef moved = impl.ensureHarness(spec(RUN_2, "https://zs-ffffffffffffffff.ecs.us-east-1.on.aws/mcp", token(2)));
    assertEquals(Outcome.UPDATED, moved.outcome());
    assertEquals(1, rig.count("bedrock-agentcore-control", "UpdateHarness"));
    Harness live = rig.aws.harness(EmulatorRig.REGION).getHarness(first.harnessId());
    assertEquals("https://zs-ffffffffffffffff.ecs.us-east-1.on.aws/mcp",
        live.document().at("/tools/0/config/remoteMcp/url").asText());
    assertEquals("${" + provider.arn() + "}",
        live.document().at("/tools/0/config/remoteMcp/headers/Authorization").asText());
  }

  @Test
  void ensureHarness_whileCreating_andChanged_isRetryableBusy() {
    impl.ensureHarness(spec(RUN_1, URL, token(1)));
    ApplicationFailure busy = assertThrows(ApplicationFailure.class,
        () -> impl.ensureHarness(spec(RUN_2, "https://zs-1111111111111111.ecs.us-east-1.on.aws/mcp", token(2))));
    assertEquals(FailureTypes.RESOURCE_BUSY, busy.getType());
    assertFalse(busy.isNonRetryable());
  }

  @Test
  void harnessOfAnotherDeployment_isAConflict_andKeptByDestroy() {
    Scope other = new Scope(new DeploymentKey(EmulatorRig.REGION, "other"), "r");
    impl.ensureHarness(spec(other, URL, token(1)));
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> impl.ensureHarness(spec(RUN_1, URL, token(2))));
    assertEquals(FailureTypes.CONFLICT, f.getType());
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, impl.deleteHarness(
        new ResourceDelete(RUN_1, DeleteMode.DEPLOYMENT, Names.HARNESS_NAME)).outcome());
    assertEquals(1, harnesses().size());
  }

  @Test
  void deleteHarness_waitsGone_thenAlreadyGone() {
    HarnessRef h = impl.ensureHarness(spec(RUN_1, URL, token(1)));
    ApplicationFailure creating = assertThrows(ApplicationFailure.class, () -> impl.deleteHarness(
        new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.HARNESS_NAME)));
    assertEquals(FailureTypes.RESOURCE_BUSY, creating.getType(), "still CREATING: the delete is retried");
    agentCore.awaitHarnessReady(new WaitSpec(RUN_1, h.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    assertEquals(DeleteOutcome.KEPT_NOT_OURS, impl.deleteHarness(
        new ResourceDelete(RUN_2, DeleteMode.THIS_RUN, Names.HARNESS_NAME)).outcome());
    DeleteResult deleted = impl.deleteHarness(new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.HARNESS_NAME));
    assertEquals(DeleteOutcome.DELETED, deleted.outcome());
    assertEquals(h.harnessId(), deleted.id());
    HarnessStatus gone = agentCore.awaitHarnessGone(
        new WaitSpec(RUN_1, deleted.id(), Names.HARNESS_GONE_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    assertEquals("GONE", gone.status());
    assertEquals(DeleteOutcome.ALREADY_GONE, impl.deleteHarness(
        new ResourceDelete(RUN_1, DeleteMode.THIS_RUN, Names.HARNESS_NAME)).outcome());
    assertTrue(harnesses().isEmpty());
  }

  @Test
  void awaitHarnessReady_pastItsDeadline_isTimeout() {
    HarnessRef h = impl.ensureHarness(spec(RUN_1, URL, token(1)));
    ApplicationFailure f = Activities.failure(() -> agentCore.awaitHarnessReady(
        new WaitSpec(RUN_1, h.harnessId(), Duration.ofSeconds(4), Names.HARNESS_POLL_INTERVAL)));
    assertEquals(FailureTypes.TIMEOUT, f.getType());
    assertTrue(f.getOriginalMessage().contains("CREATING"), f.getOriginalMessage());
  }
}
