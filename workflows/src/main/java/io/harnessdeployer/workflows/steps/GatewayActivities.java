package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/**
 * The AgentCore control plane's gateway side (spec §3 steps 7–10, §7.3): the Token Vault OAuth2
 * provider, the Runtime, the Gateway and its target. Ensures find by name, adopt what carries this
 * deployment's tag, create with {@link Scope#gatewayTags()} otherwise; targets (untaggable) are
 * judged by their gateway's tags. Waits poll with heartbeats; deletes never touch what lacks the
 * tag the {@link DeleteMode} requires, and "not found" is ALREADY_GONE.
 */
@ActivityInterface
public interface GatewayActivities {
  /**
   * ListOauth2CredentialProviders (20 a page) by name: missing → Create (CustomOauth2, discovery
   * URL, client id, the secret unsealed here) → CREATED; present and ours with another discovery
   * URL or client id → UpdateOauth2CredentialProvider (the seed never did: Appendix B #22) →
   * UPDATED, else ADOPTED (CREATED if this run's). A new app client has a new id, so its secret follows.
   */
  ResourceRef ensureOauth2Provider(OAuth2ProviderSpec spec);

  /** DeleteOauth2CredentialProvider {@code input.id()} (name). */
  DeleteResult deleteOauth2Provider(ResourceDelete input);

  /** Read-only: provider {@code input.id()}: {@code arn}, {@code vendor}, {@code discoveryUrl}, {@code clientId}; never the secret. */
  Observed describeOauth2Provider(Lookup input);

  /**
   * ListAgentRuntimes (100 a page) by name: missing → CreateAgentRuntime → CREATED; ours →
   * UpdateAgentRuntime only if image, role, network, protocol, env, authorizer or header allow-list
   * differ → UPDATED, else ADOPTED. A credential key in {@code spec.environment()} is refused
   * ({@code Validation}); in PLAINTEXT mode the unsealed credentials are added here.
   */
  RuntimeRef ensureRuntime(RuntimeSpec spec);

  /**
   * Polls GetAgentRuntime ({@code wait.id()} = runtime id) until READY; CREATE_FAILED,
   * UPDATE_FAILED, FAILED → {@code Unhealthy} with the reason; deadline → {@code Timeout}.
   */
  AgentCoreStatus awaitRuntimeReady(WaitSpec wait);

  /** Finds the Runtime by name ({@code input.id()}), DeleteAgentRuntime; the result's id is the runtime id. */
  DeleteResult deleteRuntime(ResourceDelete input);

  /** Polls GetAgentRuntime until not found (GONE). */
  AgentCoreStatus awaitRuntimeGone(WaitSpec wait);

  /**
   * Read-only: Runtime {@code input.id()} (name): {@code arn}, {@code id}, {@code image}, {@code
   * roleArn}, {@code networkMode}, {@code serverProtocol}, {@code environment} (credential values
   * {@code <sealed>}), {@code authorizer}, {@code requestHeaders}; status; tags.
   */
  Observed describeRuntime(Lookup input);

  /**
   * ListGateways (100 a page) by name: missing → CreateGateway (MCP, CUSTOM_JWT, the authorizer,
   * clientToken) → CREATED; ours with another authorizer or role → UpdateGateway → UPDATED, else ADOPTED.
   */
  GatewayRef ensureGateway(GatewaySpec spec);

  /**
   * Polls GetGateway ({@code wait.id()} = gateway id) until READY; FAILED, CREATE_FAILED,
   * UPDATE_FAILED, UPDATE_UNSUCCESSFUL → {@code Unhealthy} with the status reasons.
   */
  AgentCoreStatus awaitGatewayReady(WaitSpec wait);

  /** Finds the gateway by name ({@code input.id()}), DeleteGateway; the result's id is the gateway id. */
  DeleteResult deleteGateway(ResourceDelete input);

  /** Polls GetGateway until not found (GONE). */
  AgentCoreStatus awaitGatewayGone(WaitSpec wait);

  /** Read-only: gateway {@code input.id()} (name): {@code arn}, {@code id}, {@code url}, {@code roleArn}, {@code protocolType}, {@code authorizerType}, {@code authorizer}; status; tags. */
  Observed describeGateway(Lookup input);

  /**
   * ListGatewayTargets by name: missing → CreateGatewayTarget → CREATED; present in a failed state
   * or with another endpoint, provider or scopes → DeleteGatewayTarget and a retryable {@code
   * ResourceBusy}, so the retry after it is gone creates it (AgentCore re-checks connectivity only
   * on create) → CREATED; else ADOPTED. Judged by the gateway's tags.
   */
  GatewayTargetRef ensureGatewayTarget(GatewayTargetSpec spec);

  /**
   * Polls GetGatewayTarget ({@code wait.id()} = {@link GatewayTargetRef#waitId()}) until READY;
   * a failure status or {@code *_PENDING_AUTH} → {@code Unhealthy} with every status reason and
   * the common causes (spec §3 step 10).
   */
  AgentCoreStatus awaitGatewayTargetReady(WaitSpec wait);

  /** Target {@code input.id()} (name) in gateway {@code input.within()} (name), judged by the gateway's tags. */
  DeleteResult deleteGatewayTarget(NestedDelete input);

  /** Polls GetGatewayTarget until not found (GONE): a gateway with a draining target cannot be deleted. */
  AgentCoreStatus awaitGatewayTargetGone(WaitSpec wait);

  /** Read-only: target {@code input.id()} in gateway {@code input.within()}: {@code name}, {@code endpoint}, {@code credentials}, {@code id}; status; no tags. */
  Observed describeGatewayTarget(Lookup input);
}
