package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.AgentCoreStatus;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.GatewayActivities;
import io.harnessdeployer.workflows.steps.GatewayRef;
import io.harnessdeployer.workflows.steps.GatewaySpec;
import io.harnessdeployer.workflows.steps.GatewayTargetRef;
import io.harnessdeployer.workflows.steps.GatewayTargetSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.NestedDelete;
import io.harnessdeployer.workflows.steps.OAuth2ProviderSpec;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RuntimeRef;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The gateway side of the AgentCore control plane through the SDK (2.40.2 has every operation):
 * {@link OAuth2Providers}, {@link AgentRuntimes}, {@link Gateways}, {@link GatewayTargets}.
 */
public final class GatewayActivitiesImpl implements GatewayActivities {
  private final OAuth2Providers providers;
  private final AgentRuntimes runtimes;
  private final Gateways gateways;
  private final GatewayTargets targets;

  /** @param cognito where an OAuth2 provider's tags cannot be listed, its pool's stand for them */
  public GatewayActivitiesImpl(Regional<BedrockAgentCoreControlClient> control,
      Regional<CognitoIdentityProviderClient> cognito, Credentials credentials, Polling polling) {
    Poller poller = new Poller(polling);
    this.providers = new OAuth2Providers(control, cognito, credentials);
    this.runtimes = new AgentRuntimes(control, credentials, poller);
    this.gateways = new Gateways(control, poller);
    this.targets = new GatewayTargets(control, poller);
  }

  @Override
  public ResourceRef ensureOauth2Provider(OAuth2ProviderSpec spec) {
    return providers.ensure(spec);
  }

  @Override
  public DeleteResult deleteOauth2Provider(ResourceDelete input) {
    return providers.delete(input);
  }

  @Override
  public Observed describeOauth2Provider(Lookup input) {
    return providers.describe(input);
  }

  @Override
  public RuntimeRef ensureRuntime(RuntimeSpec spec) {
    return runtimes.ensure(spec);
  }

  @Override
  public AgentCoreStatus awaitRuntimeReady(WaitSpec wait) {
    return runtimes.awaitReady(wait);
  }

  @Override
  public DeleteResult deleteRuntime(ResourceDelete input) {
    return runtimes.delete(input);
  }

  @Override
  public AgentCoreStatus awaitRuntimeGone(WaitSpec wait) {
    return runtimes.awaitGone(wait);
  }

  @Override
  public Observed describeRuntime(Lookup input) {
    return runtimes.describe(input);
  }

  @Override
  public GatewayRef ensureGateway(GatewaySpec spec) {
    return gateways.ensure(spec);
  }

  @Override
  public AgentCoreStatus awaitGatewayReady(WaitSpec wait) {
    return gateways.awaitReady(wait);
  }

  @Override
  public DeleteResult deleteGateway(ResourceDelete input) {
    return gateways.delete(input);
  }

  @Override
  public AgentCoreStatus awaitGatewayGone(WaitSpec wait) {
    return gateways.awaitGone(wait);
  }

  @Override
  public Observed describeGateway(Lookup input) {
    return gateways.describe(input);
  }

  @Override
  public GatewayTargetRef ensureGatewayTarget(GatewayTargetSpec spec) {
    return targets.ensure(spec);
  }

  @Override
  public AgentCoreStatus awaitGatewayTargetReady(WaitSpec wait) {
    return targets.awaitReady(wait);
  }

  @Override
  public DeleteResult deleteGatewayTarget(NestedDelete input) {
    return targets.delete(input);
  }

  @Override
  public AgentCoreStatus awaitGatewayTargetGone(WaitSpec wait) {
    return targets.awaitGone(wait);
  }

  @Override
  public Observed describeGatewayTarget(Lookup input) {
    return targets.describe(input);
  }

  // ---- the preflight's tag reads (tags of the provider, Runtime, Gateway; a target's gateway's)

  public Optional<Map<String, String>> oauth2ProviderTags(Scope scope, String name) {
    return providers.liveTags(scope, name);
  }

  public Optional<Map<String, String>> runtimeTags(Scope scope, String name) {
    return runtimes.liveTags(scope, name);
  }

  public Optional<Map<String, String>> gatewayTags(Scope scope, String name) {
    return gateways.liveTags(scope, name);
  }

  public Optional<Map<String, String>> targetTags(Scope scope, String gatewayName, String name) {
    return targets.liveTags(scope, gatewayName, name);
  }
}
