package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.HarnessShape;
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
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.harnessdeployer.workflows.topology.Endpoint;
import io.temporal.common.converter.DefaultDataConverter;
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

  /** The next deploy's ensure (another run of the same deployment): UPDATED when it writes, else ADOPTED. */
  Outcome redeploy() {
    return agentCore.ensureHarness(new HarnessSpec(EmulatorRig.scope("run-2"), Names.HARNESS_NAME, role.arn(),
        Names.DEFAULT_MODEL_ID, URL, provider.arn(), "2".repeat(36))).outcome();
  }

  HarnessRef deployHarness() {
    HarnessRef h = agentCore.ensureHarness(spec(URL));
    agentCore.awaitHarnessReady(new WaitSpec(RUN, h.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    return h;
  }

  void awaitReady(String id) {
    agentCore.awaitHarnessReady(new WaitSpec(RUN, id, Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
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
    assertEquals(Map.of("url", URL, "headers", Map.of("Authorization", "${" + provider.arn() + "}")),
        seen.properties().get("tool"));
    assertEquals(Map.of("modelId", Names.DEFAULT_MODEL_ID, "maxTokens", Names.HARNESS_MAX_TOKENS,
        "temperature", Names.HARNESS_TEMPERATURE), seen.properties().get("model"));
    assertEquals(List.of(Names.HARNESS_SYSTEM_PROMPT), seen.properties().get("systemPrompt"));
    assertEquals(Map.of("disabled", Map.of()), seen.properties().get("memory"), "sent explicitly, reported back");
    assertEquals(Names.HARNESS_DEFAULT_ALLOWED_TOOLS, seen.properties().get("allowedTools"));
    for (String notSet : List.of("maxIterations", "maxTokens", "timeoutSeconds")) {
      assertFalse(seen.properties().containsKey(notSet), notSet + ": we set none, the harness reports none");
    }
  }

  @Test
  void harness_anotherModelOutOfBand_isNotEqualAtModelId_andTheEnsureTakesItBack() {
    String id = deployHarness().harnessId();
    JsonNode other = HarnessDocuments.bedrockModel("us.amazon.nova-pro-v1:0", Names.HARNESS_MAX_TOKENS, 0.7);
    rig.aws.harness(EmulatorRig.REGION).updateHarness(new UpdateHarnessRequest(id, null, null, other, null, null));
    awaitReady(id);
    assertEquals(List.of(
        new PropertyDiff("model.modelId", Names.DEFAULT_MODEL_ID, "us.amazon.nova-pro-v1:0", Kind.NOT_EQUAL),
        new PropertyDiff("model.temperature", Names.HARNESS_TEMPERATURE, 0.7, Kind.NOT_EQUAL)), harnessDrift());
    assertEquals(Outcome.UPDATED, redeploy());
    awaitReady(id);
    assertEquals(List.of(), harnessDrift());
  }

  @Test
  void harness_memorySetOutOfBand_isTakenBack_butAnUndeclaredLimit_isAnAddTheEnsureLeavesAlone() {
    String id = deployHarness().harnessId();
    ObjectNode memory = JsonNodeFactory.instance.objectNode();
    memory.putObject("managedMemoryConfiguration").put("eventExpiryDuration", 30);
    rig.aws.harness(EmulatorRig.REGION).updateHarness(
        new UpdateHarnessRequest(id, null, null, null, null, null, memory, 5, null, null, null));
    awaitReady(id);
    PropertyDiff iterations = new PropertyDiff("maxIterations", null, 5, Kind.ADD);
    assertEquals(List.of(iterations,
        new PropertyDiff("memory.disabled", Map.of(), null, Kind.REMOVE),
        new PropertyDiff("memory.managedMemoryConfiguration",
            null, Map.of("strategies", List.of("SEMANTIC", "SUMMARIZATION"), "eventExpiryDuration", 30), Kind.ADD)),
        harnessDrift());
    // memory is declared (disabled), so a deploy puts it back; maxIterations is not, and a PATCH cannot unset it
    assertEquals(Outcome.UPDATED, redeploy());
    awaitReady(id);
    assertEquals(List.of(iterations), harnessDrift());
  }

  @Test
  void harness_aPastedLiteralAuthorization_isShownSealed_neverItself() throws Exception {
    String id = deployHarness().harnessId();
    String pasted = "Basic " + Base64.getEncoder().encodeToString("leaked-id:leaked-secret".getBytes());
    ObjectNode tool = HarnessDocuments.remoteMcpTool(Names.HARNESS_TOOL_NAME, URL, provider.arn());
    ((ObjectNode) tool.at("/config/remoteMcp/headers")).put("Authorization", pasted);
    rig.aws.harness(EmulatorRig.REGION).updateHarness(
        new UpdateHarnessRequest(id, null, null, null, null, HarnessDocuments.tools(tool)));
    awaitReady(id);
    assertEquals(List.of(new PropertyDiff("tool.headers.Authorization", "${" + provider.arn() + "}",
        ContainerEnv.SEALED, Kind.NOT_EQUAL)), harnessDrift());
    Observed seen = agentCore.describeHarness(new Lookup(RUN, Names.HARNESS_NAME));
    String json = DefaultDataConverter.newDefaultInstance().toPayload(seen).orElseThrow().getData().toStringUtf8();
    assertTrue(json.contains(ContainerEnv.SEALED), json);
    assertFalse(json.contains(pasted) || json.contains("leaked") || json.contains(pasted.substring(6)), json);
    assertEquals(Outcome.UPDATED, redeploy(), "a deploy puts the placeholder back");
    awaitReady(id);
    assertEquals(List.of(), harnessDrift());
  }

  @Test
  void harness_toolUrlChangedOutOfBand_isNotEqual_andStillUpdatingIsAStatusDiff() {
    String id = deployHarness().harnessId();
    rig.aws.harness(EmulatorRig.REGION).updateHarness(HarnessDesign.update(spec("https://elsewhere.example/mcp"), id));
    assertEquals(List.of(new PropertyDiff("tool.url", URL, "https://elsewhere.example/mcp", Kind.NOT_EQUAL)),
        harnessDrift().stream().filter(d -> !d.path().equals("status")).toList());
    agentCore.awaitHarnessReady(new WaitSpec(RUN, id, Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    assertEquals(List.of(new PropertyDiff("tool.url", URL, "https://elsewhere.example/mcp", Kind.NOT_EQUAL)), harnessDrift());
  }

  @Test
  void harness_untagged_isRemoveOfThatTag() {
    String arn = deployHarness().harnessArn();
    rig.aws.agentCore(EmulatorRig.REGION).untagResource(r -> r.resourceArn(arn).tagKeys(Names.TAG_MANAGED_BY));
    assertEquals(List.of(new PropertyDiff("tags." + Names.TAG_MANAGED_BY, Names.TAG_MANAGED_BY_VALUE, null, Kind.REMOVE)),
        harnessDrift());
  }
}
