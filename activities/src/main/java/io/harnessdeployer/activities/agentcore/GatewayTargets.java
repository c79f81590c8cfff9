package io.harnessdeployer.activities.agentcore;

import static io.harnessdeployer.workflows.common.FailureTypes.NOT_FOUND;
import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;
import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.AgentCoreStatus;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.GatewayTargetRef;
import io.harnessdeployer.workflows.steps.GatewayTargetSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.NestedDelete;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CredentialProviderType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayTargetResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.TargetSummary;

/**
 * The Gateway's target on the Runtime (spec §3 step 10 "Target"). Targets carry no tags: the
 * gateway's tags judge them. One in a failed state, or pointing elsewhere, is deleted and created
 * again (the retry after its deletion creates it): AgentCore re-runs its connectivity check only then.
 */
final class GatewayTargets {
  private static final Logger log = LoggerFactory.getLogger(GatewayTargets.class);
  private static final Set<String> FAILED = Set.of("FAILED", "CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED",
      "SYNCHRONIZE_UNSUCCESSFUL");
  private static final String CAUSES = "common causes: the Runtime's authorizer rejects Cognito tokens (an"
      + " allowedAudience instead of allowedClients/allowedScopes); the OAuth2 provider holds a stale discovery URL"
      + " or client credentials; the app client's allowed scopes miss the requested scope";

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Poller poller;

  GatewayTargets(Regional<BedrockAgentCoreControlClient> control, Poller poller) {
    this.control = control;
    this.poller = poller;
  }

  GatewayTargetRef ensure(GatewayTargetSpec spec) {
    String name = spec.targetName();
    String gatewayId = spec.gatewayId();
    BedrockAgentCoreControlClient client = control.in(spec.scope().region());
    try {
      GetGatewayResponse gateway = Gateways.get(client, gatewayId).orElseThrow(() ->
          AwsFailures.failure(NOT_FOUND, "Gateway target " + name + ": gateway " + gatewayId + " does not exist"));
      Map<String, String> tags = ApiKeyProviders.tags(client, gateway.gatewayArn());
      Ownership.require(spec.scope(), new OwnershipClaim(ResourceKind.GATEWAY_TARGET, name, gateway.name()), tags);
      Optional<TargetSummary> found = byName(client, gatewayId, name);
      if (found.isPresent()) {
        GetGatewayTargetResponse live = client.getGatewayTarget(r -> r.gatewayIdentifier(gatewayId)
            .targetId(found.get().targetId()));
        String status = live.statusAsString();
        if ("DELETING".equals(status)) {
          throw AwsFailures.failure(RESOURCE_BUSY, "Gateway target " + name + " is being deleted; created once gone");
        }
        boolean differs = !Compare.diff(desired(spec), shape(live)).isEmpty();
        if (!FAILED.contains(status) && !differs) {
          Outcome outcome = Ownership.existing(spec.scope(), tags, false);
          log.info("Gateway target {}: {} ({})", name, outcome, status);
          return new GatewayTargetRef(gatewayId, live.targetId(), name, outcome);
        }
        log.warn("Gateway target {} is {}{}: deleting it to create it again", name, status,
            differs ? " and points elsewhere" : "");
        client.deleteGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(live.targetId()));
        throw AwsFailures.failure(RESOURCE_BUSY, "Gateway target " + name + " was " + status
            + (differs ? ", configured otherwise" : "") + ": deleted, to be created again once gone");
      }
      try {
        var created = client.createGatewayTarget(r -> r.gatewayIdentifier(gatewayId).name(name)
            .description(Names.DESCRIPTION_GATEWAY_TARGET).clientToken(spec.clientToken())
            .targetConfiguration(t -> t.mcp(m -> m.mcpServer(s -> s.endpoint(spec.endpoint()))))
            .credentialProviderConfigurations(c -> c.credentialProviderType(CredentialProviderType.OAUTH)
                .credentialProvider(p -> p.oauthCredentialProvider(o -> o.providerArn(spec.oauthProviderArn())
                    .scopes(spec.scopes()).grantType(Names.OAUTH_GRANT_CLIENT_CREDENTIALS)))));
        log.info("Gateway target {}: CREATED as {}", name, created.targetId());
        return new GatewayTargetRef(gatewayId, created.targetId(), name, Outcome.CREATED);
      } catch (SdkException e) {
        // created meanwhile by another attempt (the retry adopts it), or the gateway is not READY yet
        if (AwsFailures.hasCode(e, "ConflictException")) {
          throw AwsFailures.failure(RESOURCE_BUSY, "Gateway target " + name + " on gateway " + gatewayId + ": "
              + AwsFailures.awsMessage(e));
        }
        throw e;
      }
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure Gateway target " + name, e);
    }
  }

  AgentCoreStatus awaitReady(WaitSpec wait) {
    String[] ids = split(wait.id());
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    return poller.await(wait, "Gateway target " + wait.id() + " READY", poll -> {
      GetGatewayTargetResponse t = get(client, ids[0], ids[1]).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "Gateway target " + wait.id() + " no longer exists"));
      String status = t.statusAsString();
      if ("READY".equals(status)) {
        return Check.done(new AgentCoreStatus(wait.id(), status, t.statusReasons()));
      }
      if (FAILED.contains(status) || status != null && status.endsWith("_PENDING_AUTH")) {
        String reasons = t.statusReasons().isEmpty() ? "(no status reason returned by AgentCore)"
            : String.join("; ", t.statusReasons());
        throw AwsFailures.failure(UNHEALTHY, "Gateway target " + t.name() + " is " + status
            + (status.endsWith("_PENDING_AUTH") ? " (needs human OAuth consent: OAuth is misconfigured)" : "")
            + ": " + reasons + "; " + CAUSES + ". Delete it with: aws bedrock-agentcore-control"
            + " delete-gateway-target --gateway-identifier " + ids[0] + " --target-id " + ids[1]);
      }
      return Check.pending(status);
    });
  }

  /** The result's id is {@link GatewayTargetRef#waitId}, for {@link #awaitGone}. */
  DeleteResult delete(NestedDelete input) {
    String name = input.id();
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GetGatewayResponse> gateway = Gateways.live(client, input.within());
      Optional<TargetSummary> target = gateway.flatMap(g -> byName(client, g.gatewayId(), name));
      if (target.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Gateway target not found");
      }
      String gatewayId = gateway.get().gatewayId();
      String id = GatewayTargetRef.waitId(gatewayId, target.get().targetId());
      if ("DELETING".equals(target.get().statusAsString())) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "Gateway target already being deleted");
      }
      if (!Ownership.mayDeleteInside(input.scope(), ApiKeyProviders.tags(client, gateway.get().gatewayArn()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, "its gateway is not this deployment's: kept");
      }
      try {
        client.deleteGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(target.get().targetId()));
      } catch (SdkException e) {
        if (AwsFailures.hasCode(e, "ConflictException")) {
          throw AwsFailures.failure(RESOURCE_BUSY, "AgentCore delete Gateway target " + id + ": "
              + AwsFailures.awsMessage(e));
        }
        throw e;
      }
      return new DeleteResult(id, DeleteOutcome.DELETED, "Gateway target deleting");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Gateway target not found");
      }
      throw AwsFailures.classify("AgentCore delete Gateway target " + name, e);
    }
  }

  /** GONE once the target (or its whole gateway) is not found. */
  AgentCoreStatus awaitGone(WaitSpec wait) {
    String[] ids = split(wait.id());
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    return poller.await(wait, "Gateway target " + wait.id() + " deleted", poll -> get(client, ids[0], ids[1])
        .<Check<AgentCoreStatus>>map(t -> Check.pending(t.statusAsString()))
        .orElseGet(() -> Check.done(new AgentCoreStatus(wait.id(), "GONE", List.of()))));
  }

  /** The gateway's tags stand for the target's (it has none); tags are not compared for it. */
  Observed describe(Lookup input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GetGatewayResponse> gateway = Gateways.live(client, input.within());
      Optional<GetGatewayTargetResponse> live = gateway.flatMap(g -> byName(client, g.gatewayId(), input.id())
          .flatMap(t -> get(client, g.gatewayId(), t.targetId())));
      return live.map(t -> {
        Map<String, Object> p = new LinkedHashMap<>(shape(t));
        p.put("id", t.targetId());
        p.put("gatewayId", gateway.get().gatewayId());
        return new Observed(true, t.statusAsString(), Map.of(), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore describe Gateway target " + input.id(), e);
    }
  }

  /** The tags of the gateway {@code gatewayName}, if the target exists in it. */
  Optional<Map<String, String>> liveTags(Scope scope, String gatewayName, String name) {
    BedrockAgentCoreControlClient client = control.in(scope.region());
    return Gateways.live(client, gatewayName).filter(g -> byName(client, g.gatewayId(), name).isPresent())
        .map(g -> ApiKeyProviders.tags(client, g.gatewayArn()));
  }

  private static Map<String, Object> desired(GatewayTargetSpec spec) {
    return GatewayShapes.target(spec.targetName(), spec.endpoint(), spec.oauthProviderArn(), spec.scopes());
  }

  static Map<String, Object> shape(GetGatewayTargetResponse t) {
    String endpoint = t.targetConfiguration() == null || t.targetConfiguration().mcp() == null
        || t.targetConfiguration().mcp().mcpServer() == null ? null : t.targetConfiguration().mcp().mcpServer().endpoint();
    List<Object> credentials = t.credentialProviderConfigurations().stream().map(c -> {
      var oauth = c.credentialProvider() == null ? null : c.credentialProvider().oauthCredentialProvider();
      return (Object) GatewayShapes.targetCredential(c.credentialProviderTypeAsString(),
          oauth == null ? null : oauth.providerArn(), oauth == null ? null : oauth.scopes(),
          oauth == null ? null : oauth.grantTypeAsString());
    }).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", t.name());
    if (endpoint != null) {
      out.put("endpoint", endpoint);
    }
    out.put("credentials", credentials);
    return out;
  }

  private static Optional<TargetSummary> byName(BedrockAgentCoreControlClient client, String gatewayId, String name) {
    String token = null;
    do {
      String next = token;
      var page = client.listGatewayTargets(r -> r.gatewayIdentifier(gatewayId).maxResults(Names.AGENTCORE_LIST_PAGE)
          .nextToken(next));
      Optional<TargetSummary> found = page.items().stream().filter(t -> name.equals(t.name()))
          .min(java.util.Comparator.comparing(t -> "DELETING".equals(t.statusAsString())));
      if (found.isPresent()) {
        return found;
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.empty();
  }

  private static Optional<GetGatewayTargetResponse> get(BedrockAgentCoreControlClient client, String gatewayId,
      String targetId) {
    return AwsFailures.unlessNotFound(() -> client.getGatewayTarget(r -> r.gatewayIdentifier(gatewayId).targetId(targetId)));
  }

  private static String[] split(String waitId) {
    int slash = waitId.indexOf('/');
    if (slash <= 0 || slash == waitId.length() - 1) {
      throw AwsFailures.failure(io.harnessdeployer.workflows.common.FailureTypes.VALIDATION,
          "a Gateway target wait needs <gatewayId>/<targetId>, not " + waitId);
    }
    return new String[] {waitId.substring(0, slash), waitId.substring(slash + 1)};
  }
}
