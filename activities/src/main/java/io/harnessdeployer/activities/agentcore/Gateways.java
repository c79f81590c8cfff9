package io.harnessdeployer.activities.agentcore;

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
import io.harnessdeployer.workflows.steps.GatewayRef;
import io.harnessdeployer.workflows.steps.GatewaySpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CustomJWTAuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewaySummary;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayResponse;

/** The AgentCore Gateway (spec §3 step 10): MCP, CUSTOM_JWT on Cognito, waited on until READY. */
public final class Gateways {
  private static final Logger log = LoggerFactory.getLogger(Gateways.class);
  /** The seed missed UPDATE_UNSUCCESSFUL (Appendix B #17). */
  private static final Set<String> FAILED =
      Set.of("FAILED", "CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED", "UPDATE_UNSUCCESSFUL");
  private static final Set<String> BUSY = Set.of("CREATING", "UPDATING");

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Poller poller;

  Gateways(Regional<BedrockAgentCoreControlClient> control, Poller poller) {
    this.control = control;
    this.poller = poller;
  }

  GatewayRef ensure(GatewaySpec spec) {
    String name = spec.gatewayName();
    BedrockAgentCoreControlClient client = control.in(spec.scope().region());
    try {
      Optional<GatewaySummary> found = byName(client, name);
      if (found.isEmpty()) {
        try {
          var g = client.createGateway(r -> r.name(name).description(Names.DESCRIPTION_GATEWAY)
              .clientToken(spec.clientToken()).roleArn(spec.roleArn()).protocolType(Names.GATEWAY_PROTOCOL)
              .authorizerType(Names.GATEWAY_AUTHORIZER_TYPE)
              .authorizerConfiguration(AgentRuntimes.authorizer(spec.authorizer()))
              .tags(spec.scope().gatewayTags()));
          log.info("Gateway {}: CREATED as {}", name, g.gatewayId());
          return new GatewayRef(g.gatewayId(), g.gatewayArn(), g.gatewayUrl(), name, Outcome.CREATED);
        } catch (SdkException e) {
          found = AwsFailures.hasCode(e, "ConflictException") ? byName(client, name) : Optional.empty();
          if (found.isEmpty()) {
            throw e;
          }
        }
      }
      String foundId = found.get().gatewayId();
      GetGatewayResponse live = client.getGateway(r -> r.gatewayIdentifier(foundId));
      if ("DELETING".equals(live.statusAsString())) {
        throw AwsFailures.failure(RESOURCE_BUSY, "Gateway " + name + " (" + live.gatewayId() + ") is still being deleted");
      }
      Map<String, String> tags = ApiKeyProviders.tags(client, live.gatewayArn());
      Ownership.require(spec.scope(), ResourceKind.GATEWAY, name, tags);
      List<String> changes = Compare.diff(GatewayShapes.gateway(name, spec.roleArn(), spec.authorizer()), shape(live))
          .stream().map(d -> d.path().split("[.\\[]", 2)[0]).distinct().toList();
      if (!changes.isEmpty()) {
        if (BUSY.contains(live.statusAsString())) {
          throw AwsFailures.failure(RESOURCE_BUSY, "Gateway " + name + " must change " + changes + " but is "
              + live.statusAsString());
        }
        log.info("Gateway {}: updating {}", name, changes);
        client.updateGateway(r -> r.gatewayIdentifier(live.gatewayId()).name(name)
            .description(live.description() == null ? "" : live.description()).roleArn(spec.roleArn())
            .protocolType(Names.GATEWAY_PROTOCOL).authorizerType(Names.GATEWAY_AUTHORIZER_TYPE)
            .authorizerConfiguration(AgentRuntimes.authorizer(spec.authorizer())));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, !changes.isEmpty());
      log.info("Gateway {}: {}", name, outcome);
      return new GatewayRef(live.gatewayId(), live.gatewayArn(), live.gatewayUrl(), name, outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure Gateway " + name, e);
    }
  }

  AgentCoreStatus awaitReady(WaitSpec wait) {
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    String id = wait.id();
    return poller.await(wait, "Gateway " + id + " READY", poll -> {
      GetGatewayResponse g = get(client, id).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "Gateway " + id + " no longer exists"));
      String status = g.statusAsString();
      if ("READY".equals(status)) {
        return Check.done(new AgentCoreStatus(id, status, g.statusReasons()));
      }
      if (FAILED.contains(status)) {
        throw AwsFailures.failure(UNHEALTHY, "Gateway " + id + " is " + status + ": "
            + (g.statusReasons().isEmpty() ? "(no status reason returned by AgentCore)" : g.statusReasons()));
      }
      return Check.pending(status);
    });
  }

  DeleteResult delete(ResourceDelete input) {
    String name = input.id();
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GatewaySummary> found = byName(client, name);
      if (found.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Gateway not found");
      }
      String id = found.get().gatewayId();
      if ("DELETING".equals(found.get().statusAsString())) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "Gateway already being deleted");
      }
      GetGatewayResponse live = client.getGateway(r -> r.gatewayIdentifier(id));
      if (!Ownership.mayDelete(input.scope(), input.mode(), ApiKeyProviders.tags(client, live.gatewayArn()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      try {
        client.deleteGateway(r -> r.gatewayIdentifier(id));
      } catch (SdkException e) {
        if (AwsFailures.hasCode(e, "ConflictException")) { // busy, or targets still draining: again shortly
          throw AwsFailures.failure(RESOURCE_BUSY, "AgentCore delete Gateway " + id + ": " + AwsFailures.awsMessage(e));
        }
        throw e;
      }
      return new DeleteResult(id, DeleteOutcome.DELETED, "Gateway deleting");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Gateway not found");
      }
      throw AwsFailures.classify("AgentCore delete Gateway " + name, e);
    }
  }

  AgentCoreStatus awaitGone(WaitSpec wait) {
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    String id = wait.id();
    return poller.await(wait, "Gateway " + id + " deleted", poll -> get(client, id)
        .<Check<AgentCoreStatus>>map(g -> Check.pending(g.statusAsString()))
        .orElseGet(() -> Check.done(new AgentCoreStatus(id, "GONE", List.of()))));
  }

  Observed describe(Lookup input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      return live(client, input.id()).map(g -> {
        Map<String, Object> p = new LinkedHashMap<>(shape(g));
        p.put("arn", g.gatewayArn());
        p.put("id", g.gatewayId());
        if (g.gatewayUrl() != null) {
          p.put("url", g.gatewayUrl());
        }
        return new Observed(true, g.statusAsString(), ApiKeyProviders.tags(client, g.gatewayArn()), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore describe Gateway " + input.id(), e);
    }
  }

  Optional<Map<String, String>> liveTags(Scope scope, String name) {
    BedrockAgentCoreControlClient client = control.in(scope.region());
    return byName(client, name).filter(g -> !"DELETING".equals(g.statusAsString()))
        .map(g -> ApiKeyProviders.tags(client, client.getGateway(r -> r.gatewayIdentifier(g.gatewayId())).gatewayArn()));
  }

  /** The live gateway of that name (GetGateway), if any. */
  static Optional<GetGatewayResponse> live(BedrockAgentCoreControlClient client, String name) {
    return byName(client, name).flatMap(g -> get(client, g.gatewayId()));
  }

  static Map<String, Object> shape(GetGatewayResponse g) {
    CustomJWTAuthorizerConfiguration jwt = g.authorizerConfiguration() == null ? null
        : g.authorizerConfiguration().customJWTAuthorizer();
    return GatewayShapes.gateway(g.name(), g.roleArn(), g.protocolTypeAsString(), g.authorizerTypeAsString(),
        jwt == null ? null : authorizerShape(jwt));
  }

  static Map<String, Object> authorizerShape(CustomJWTAuthorizerConfiguration jwt) {
    return GatewayShapes.authorizer(jwt.discoveryUrl(), jwt.allowedClients(), jwt.allowedScopes(),
        jwt.allowedAudience());
  }

  /** A gateway of that name, preferring one that is not DELETING. */
  public static Optional<GatewaySummary> byName(BedrockAgentCoreControlClient client, String name) {
    List<GatewaySummary> matches = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = client.listGateways(r -> r.maxResults(Names.AGENTCORE_LIST_PAGE).nextToken(next));
      page.items().stream().filter(g -> name.equals(g.name())).forEach(matches::add);
      token = page.nextToken();
    } while (token != null);
    return matches.stream().min(Comparator.comparing(g -> "DELETING".equals(g.statusAsString())));
  }

  static Optional<GetGatewayResponse> get(BedrockAgentCoreControlClient client, String id) {
    return AwsFailures.unlessNotFound(() -> client.getGateway(r -> r.gatewayIdentifier(id)));
  }
}
