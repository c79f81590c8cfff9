package io.harnessdeployer.activities.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.testing.Activities;
import io.harnessdeployer.activities.testing.Drift;
import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.harnessdeployer.workflows.topology.Endpoint;
import io.temporal.testing.TestActivityEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 11's harness configuration against the emulator: sent by CreateHarness, read back, changed in place. */
class HarnessConfigEmulatorTest {
  static final Scope RUN = EmulatorRig.scope("run-1");
  static final String FQDN = "zs-1.ecs.us-east-1.on.aws";
  static final String URL = "https://" + FQDN + "/mcp";
  static final String CONTROL = "bedrock-agentcore-control";
  static final HarnessConfig CONFIG = new HarnessConfig(
      HarnessConfig.Memory.managed(List.of("SEMANTIC", "EPISODIC"), 90), 12, 4000, 300, List.of("@zscaler/*"),
      "You answer Zscaler questions briefly.");

  EmulatorRig rig;
  TestActivityEnvironment env;
  AgentCoreActivities agentCore;
  ResourceRef role;
  ResourceRef provider;

  @BeforeEach
  void start() {
    rig = new EmulatorRig();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new AgentCoreActivitiesImpl(rig.aws::agentCore, rig.aws::harness, rig.credentials, rig.polling));
    agentCore = Activities.stub(env, AgentCoreActivities.class);
    role = new IamActivitiesImpl(rig.aws.iam()).ensureHarnessRole(
        new HarnessRoleSpec(RUN, Names.HARNESS_ROLE, "123456789012", Names.HARNESS_NAME));
    provider = agentCore.ensureApiKeyProvider(new ApiKeyProviderSpec(RUN, Names.API_KEY_PROVIDER, rig.sealedCredentials()));
  }

  @AfterEach
  void stop() {
    env.close();
    rig.close();
  }

  HarnessSpec spec(Scope scope, String token, HarnessConfig config) {
    return new HarnessSpec(scope, Names.HARNESS_NAME, role.arn(), Names.DEFAULT_MODEL_ID, URL, provider.arn(), token)
        .withConfig(config);
  }

  HarnessRef ensureReady(Scope scope, String token, HarnessConfig config) {
    HarnessRef h = agentCore.ensureHarness(spec(scope, token, config));
    agentCore.awaitHarnessReady(new WaitSpec(RUN, h.harnessId(), Names.HARNESS_READY_TIMEOUT, Names.HARNESS_POLL_INTERVAL));
    return h;
  }

  List<PropertyDiff> drift(HarnessConfig declared) {
    Drift d = new Drift(DeployRequest.builder("it", EmulatorRig.REGION, rig.sealedCredentials()).harness(declared).build(), RUN);
    return d.diff("harness", Map.of("harness-role", role, "credential-provider", provider,
        "service-active", new Endpoint(FQDN, URL)), agentCore.describeHarness(new Lookup(RUN, Names.HARNESS_NAME)));
  }

  @Test
  void createHarness_carriesMemoryAndTheLimits_andGetHarnessReadsThemBack() {
    HarnessRef h = ensureReady(RUN, "1".repeat(36), CONFIG);
    Map<?, ?> sent = (Map<?, ?>) rig.requests(CONTROL, "CreateHarness").get(0).get("parameters");
    assertEquals(Map.of("managedMemoryConfiguration", Map.of("strategies", List.of("SEMANTIC", "EPISODIC"),
        "eventExpiryDuration", 90)), sent.get("memory"));
    assertEquals(List.of(12, 4000, 300), List.of(sent.get("maxIterations"), sent.get("maxTokens"), sent.get("timeoutSeconds")));

    JsonNode got = rig.aws.harness(EmulatorRig.REGION).getHarness(h.harnessId()).document();
    JsonNode managed = got.at("/memory/managedMemoryConfiguration");
    assertEquals("[\"SEMANTIC\",\"EPISODIC\"]", managed.get("strategies").toString());
    assertEquals(90, managed.get("eventExpiryDuration").asInt());
    assertFalse(managed.path("arn").asText().isEmpty(), "the service names the memory it made");
    assertEquals(12, got.get("maxIterations").asInt());
    assertEquals(4000, got.get("maxTokens").asInt());
    assertEquals(300, got.get("timeoutSeconds").asInt());
    assertEquals("[\"@zscaler/*\"]", got.get("allowedTools").toString());
    assertEquals("You answer Zscaler questions briefly.", got.at("/systemPrompt/0/text").asText());
    assertEquals(List.of(), drift(CONFIG), "the read-only memory ARN is no drift");
  }

  @Test
  void theDefault_sendsMemoryDisabledExplicitly() {
    ensureReady(RUN, "1".repeat(36), HarnessConfig.defaults());
    Map<?, ?> sent = (Map<?, ?>) rig.requests(CONTROL, "CreateHarness").get(0).get("parameters");
    assertEquals(Map.of("disabled", Map.of()), sent.get("memory"));
    assertEquals(List.of("*"), sent.get("allowedTools"));
    assertEquals(List.of(), drift(HarnessConfig.defaults()));
  }

  @Test
  void aChangedMaxTokens_isDriftFirst_thenUpdatedInPlace_neverReplaced() {
    String id = ensureReady(RUN, "1".repeat(36), CONFIG).harnessId();
    HarnessConfig more = CONFIG.withMaxTokens(6000);
    assertEquals(List.of(new PropertyDiff("maxTokens", 6000, 4000, Kind.NOT_EQUAL)), drift(more));

    HarnessRef again = ensureReady(EmulatorRig.scope("run-2"), "2".repeat(36), more);
    assertEquals(Outcome.UPDATED, again.outcome());
    assertEquals(id, again.harnessId(), "the same harness");
    assertEquals(1, rig.count(CONTROL, "CreateHarness"));
    assertEquals(1, rig.count(CONTROL, "UpdateHarness"));
    assertEquals(0, rig.count(CONTROL, "DeleteHarness"));
    Map<?, ?> patch = (Map<?, ?>) rig.requests(CONTROL, "UpdateHarness").get(0).get("parameters");
    assertEquals(6000, patch.get("maxTokens"));
    assertEquals(6000, rig.aws.harness(EmulatorRig.REGION).getHarness(id).document().get("maxTokens").asInt());
    assertEquals(List.of(), drift(more));
  }
}
