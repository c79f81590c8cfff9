package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.harnessdeployer.workflows.topology.Endpoint;
import io.temporal.testing.TestActivityEnvironment;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API-key provider's and the harness's describes (through a Temporal stub) against their nodes' desired states. */
class AgentCoreDriftTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static final String FQDN = "zs-1.ecs.us-east-1.on.aws";
  static final String URL = "https://" + FQDN + "/mcp";

  EmulatorRig rig;
  AgentCoreActivitiesImpl impl;
  TestActivityEnvironment env;
  AgentCoreActivities agentCore;
  Drift drift;
  ResourceRef role;
  ResourceRef provider;

  @BeforeEach
  void start() {
    rig = new EmulatorRig();
    impl = new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling);
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(impl);
    agentCore = Activities.stub(env, AgentCoreActivities.class);
    drift = new Drift(DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials()).build(), RUN);
    role = new IamActivitiesImpl(rig.aws.iam()).ensureHarnessRole(
        new HarnessRoleSpec(RUN, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME));
    provider = agentCore.ensureApiKeyProvider(new ApiKeyProviderSpec(RUN, Names.API_KEY_PROVIDER, rig.sealedCredentials()));
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  HarnessSpec spec(String url) {
    return new HarnessSpec(RUN, Names.HARNESS_NAME, role.arn(), Names.DEFAULT_MODEL_ID, url, provider.arn(), "1".repeat(36));
  }

  HarnessRef deployHarness() {
    HarnessRef h = agentCore.ensureHarness(spec(URL));
    agentCore.awaitHarnessReady(new WaitSpec(RUN, h.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    return h;
  }

  List<PropertyDiff> harnessDrift() {
    return drift.diff("harness", Map.of("harness-role", role, "credential-provider", provider,
        "service-active", new Endpoint(FQDN, URL)), agentCore.describeHarness(new Lookup(RUN, Names.HARNESS_NAME)));
  }

  List<PropertyDiff> providerDrift() {
    return drift.diff("credential-provider", Map.of(),
        agentCore.describeApiKeyProvider(new Lookup(RUN, Names.API_KEY_PROVIDER)));
  }

  @Test
  void provider_afterEnsure_noDrift_andNeverItsKey() {
    assertEquals(List.of(), providerDrift());
    Observed seen = agentCore.describeApiKeyProvider(new Lookup(RUN, Names.API_KEY_PROVIDER));
    assertEquals(provider.arn(), seen.properties().get("arn"));
    String basic = Base64.getEncoder().encodeToString((EmulatorRig.CLIENT_ID + ":" + EmulatorRig.CLIENT_SECRET).getBytes());
    assertFalse(seen.toString().contains(basic) || seen.toString().contains(EmulatorRig.CLIENT_SECRET), seen.toString());
  }

  @Test
  void provider_untagged_isRemove_andDeleted_doesNotExist() {
    rig.aws.agentCore(EmulatorRig.REGION).untagResource(r -> r.resourceArn(provider.arn()).tagKeys(Names.TAG_DEPLOYMENT));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_DEPLOYMENT, RUN.deployment().tagValue(), null, Kind.REMOVE)),
        providerDrift());
    rig.aws.agentCore(EmulatorRig.REGION).deleteApiKeyCredentialProvider(r -> r.name(Names.API_KEY_PROVIDER));
    assertFalse(agentCore.describeApiKeyProvider(new Lookup(RUN, Names.API_KEY_PROVIDER)).exists());
  }

  @Test
  void harness_afterDeploy_noDrift_andMissingBeforeIt() {
    assertFalse(agentCore.describeHarness(new Lookup(RUN, Names.HARNESS_NAME)).exists());
    deployHarness();
    assertEquals(List.of(), harnessDrift());
    Observed seen = agentCore.describeHarness(new Lookup(RUN, Names.HARNESS_NAME));
    assertEquals("READY", seen.status());
    assertEquals(provider.arn(), seen.properties().get("credentialProviderArn"));
  }

  @Test
  void harness_toolUrlChangedOutOfBand_isNotEqual_andStillUpdatingIsAStatusDiff() {
    String id = deployHarness().harnessId();
    rig.aws.harness(EmulatorRig.REGION).updateHarness(HarnessDesign.update(spec("https://elsewhere.example/mcp"), id));
    assertEquals(List.of(new PropertyDiff("mcpUrl", URL, "https://elsewhere.example/mcp", Kind.NOT_EQUAL)),
        harnessDrift().stream().filter(d -> !d.path().equals("status")).toList());
    agentCore.awaitHarnessReady(new WaitSpec(RUN, id, Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    assertEquals(List.of(new PropertyDiff("mcpUrl", URL, "https://elsewhere.example/mcp", Kind.NOT_EQUAL)), harnessDrift());
  }

  @Test
  void harness_untagged_isRemoveOfThatTag() {
    String arn = deployHarness().harnessArn();
    rig.aws.agentCore(EmulatorRig.REGION).untagResource(r -> r.resourceArn(arn).tagKeys(Names.TAG_MANAGED_BY));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE, null, Kind.REMOVE)),
        harnessDrift());
  }
}
