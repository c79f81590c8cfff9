package io.harnessdeployer.activities.agentcore;

import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;
import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;
import static io.harnessdeployer.workflows.common.FailureTypes.VALIDATION;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.PropertyDiff;
import io.harnessdeployer.workflows.steps.AgentCoreStatus;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.JwtAuthorizer;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.RuntimeRef;
import io.harnessdeployer.workflows.steps.RuntimeSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CustomJWTAuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * The AgentCore Runtime (spec §3 step 8). Its env never holds a credential value in the Secrets
 * Manager modes (the seed's Appendix B #11): the spec's env is refused if it carries a credential
 * key, and only PLAINTEXT mode adds the unsealed credentials, here.
 */
public final class AgentRuntimes {
  private static final Logger log = LoggerFactory.getLogger(AgentRuntimes.class);
  private static final Set<String> FAILED = Set.of("CREATE_FAILED", "UPDATE_FAILED", "FAILED");
  private static final Set<String> BUSY = Set.of("CREATING", "UPDATING");

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Credentials credentials;
  private final Poller poller;

  AgentRuntimes(Regional<BedrockAgentCoreControlClient> control, Credentials credentials, Poller poller) {
    this.control = control;
    this.credentials = credentials;
    this.poller = poller;
  }

  RuntimeRef ensure(RuntimeSpec spec) {
    String name = spec.runtimeName();
    List<String> leaked = spec.environment().keySet().stream().filter(Names.CREDENTIAL_KEYS::contains).toList();
    if (!leaked.isEmpty()) {
      throw AwsFailures.failure(VALIDATION, "Runtime " + name + ": credential keys " + leaked
          + " may not be in the plaintext environment; they travel sealed");
    }
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    List<String> credentialKeys = List.of();
    if (spec.plaintextCredentials() != null) {
      Map<String, String> plain = credentials.open(spec.plaintextCredentials(), "Runtime " + name).asEnv();
      env.putAll(plain);
      credentialKeys = List.copyOf(plain.keySet());
    }
    String[] hide = credentialKeys.stream().map(env::get).toArray(String[]::new);
    BedrockAgentCoreControlClient client = control.in(spec.scope().region());
    try {
      Optional<AgentRuntime> found = byName(client, name);
      if (found.isEmpty()) {
        try {
          var created = client.createAgentRuntime(r -> r.agentRuntimeName(name)
              .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri(spec.image())))
              .roleArn(spec.roleArn()).networkConfiguration(n -> n.networkMode(Names.RUNTIME_NETWORK_MODE))
              .protocolConfiguration(p -> p.serverProtocol(Names.RUNTIME_SERVER_PROTOCOL))
              .environmentVariables(env).authorizerConfiguration(authorizer(spec.authorizer()))
              .requestHeaderConfiguration(h -> h.requestHeaderAllowlist(Names.RUNTIME_ALLOWED_HEADER))
              .tags(spec.scope().gatewayTags()));
          log.info("Runtime {}: CREATED as {}", name, created.agentRuntimeId());
          return ref(created.agentRuntimeId(), created.agentRuntimeArn(), name, Outcome.CREATED, List.of());
        } catch (SdkException e) {
          found = AwsFailures.hasCode(e, "ConflictException") ? byName(client, name) : Optional.empty();
          if (found.isEmpty()) {
            throw e;
          }
        }
      }
      AgentRuntime summary = found.get();
      if ("DELETING".equals(summary.statusAsString())) {
        throw AwsFailures.failure(RESOURCE_BUSY, "Runtime " + name + " (" + summary.agentRuntimeId()
            + ") is still being deleted");
      }
      Map<String, String> tags = ApiKeyProviders.tags(client, summary.agentRuntimeArn());
      Ownership.require(spec.scope(), ResourceKind.RUNTIME, name, tags);
      GetAgentRuntimeResponse live = client.getAgentRuntime(r -> r.agentRuntimeId(summary.agentRuntimeId()));
      List<String> changes = changes(GatewayShapes.runtime(spec, credentialKeys), shape(live), env,
          live.environmentVariables());
      if (!changes.isEmpty()) {
        if (BUSY.contains(live.statusAsString())) {
          throw AwsFailures.failure(RESOURCE_BUSY, "Runtime " + name + " must change " + changes + " but is "
              + live.statusAsString());
        }
        log.info("Runtime {}: updating {}", name, changes);
        client.updateAgentRuntime(r -> r.agentRuntimeId(live.agentRuntimeId())
            .agentRuntimeArtifact(a -> a.containerConfiguration(c -> c.containerUri(spec.image())))
            .roleArn(spec.roleArn()).networkConfiguration(n -> n.networkMode(Names.RUNTIME_NETWORK_MODE))
            .protocolConfiguration(p -> p.serverProtocol(Names.RUNTIME_SERVER_PROTOCOL))
            .environmentVariables(env).authorizerConfiguration(authorizer(spec.authorizer()))
            .requestHeaderConfiguration(h -> h.requestHeaderAllowlist(Names.RUNTIME_ALLOWED_HEADER)));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, !changes.isEmpty());
      log.info("Runtime {}: {}", name, outcome);
      return ref(live.agentRuntimeId(), live.agentRuntimeArn(), name, outcome, changes);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure Runtime " + name, e, hide);
    }
  }

  AgentCoreStatus awaitReady(WaitSpec wait) {
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    String id = wait.id();
    return poller.await(wait, "Runtime " + id + " READY", poll -> {
      GetAgentRuntimeResponse r = get(client, id).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "Runtime " + id + " no longer exists"));
      String status = r.statusAsString();
      if ("READY".equals(status)) {
        return Check.done(new AgentCoreStatus(id, status, List.of()));
      }
      if (FAILED.contains(status)) {
        throw AwsFailures.failure(UNHEALTHY, "Runtime " + id + " is " + status
            + (r.failureReason() == null ? "" : ": " + r.failureReason()));
      }
      return Check.pending(status);
    });
  }

  DeleteResult delete(ResourceDelete input) {
    String name = input.id();
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<AgentRuntime> found = byName(client, name);
      if (found.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Runtime not found");
      }
      String id = found.get().agentRuntimeId();
      if ("DELETING".equals(found.get().statusAsString())) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "Runtime already being deleted");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), ApiKeyProviders.tags(client, found.get().agentRuntimeArn()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      try {
        client.deleteAgentRuntime(r -> r.agentRuntimeId(id));
      } catch (SdkException e) {
        if (AwsFailures.hasCode(e, "ConflictException")) { // CREATING or UPDATING: again shortly
          throw AwsFailures.failure(RESOURCE_BUSY, "AgentCore delete Runtime " + id + ": " + AwsFailures.awsMessage(e));
        }
        throw e;
      }
      return new DeleteResult(id, DeleteOutcome.DELETED, "Runtime deleting");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "Runtime not found");
      }
      throw AwsFailures.classify("AgentCore delete Runtime " + name, e);
    }
  }

  AgentCoreStatus awaitGone(WaitSpec wait) {
    BedrockAgentCoreControlClient client = control.in(wait.scope().region());
    String id = wait.id();
    return poller.await(wait, "Runtime " + id + " deleted", poll -> get(client, id)
        .<Check<AgentCoreStatus>>map(r -> Check.pending(r.statusAsString()))
        .orElseGet(() -> Check.done(new AgentCoreStatus(id, "GONE", List.of()))));
  }

  Observed describe(Lookup input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GetAgentRuntimeResponse> live = byName(client, input.id())
          .flatMap(r -> get(client, r.agentRuntimeId()));
      return live.map(r -> {
        Map<String, Object> p = new LinkedHashMap<>(shape(r));
        p.put("arn", r.agentRuntimeArn());
        p.put("id", r.agentRuntimeId());
        p.put("mcpUrl", Names.runtimeMcpUrl(r.agentRuntimeArn()));
        return new Observed(true, r.statusAsString(), ApiKeyProviders.tags(client, r.agentRuntimeArn()), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore describe Runtime " + input.id(), e);
    }
  }

  Optional<Map<String, String>> liveTags(Scope scope, String name) {
    BedrockAgentCoreControlClient client = control.in(scope.region());
    return byName(client, name).filter(r -> !"DELETING".equals(r.statusAsString()))
        .map(r -> ApiKeyProviders.tags(client, r.agentRuntimeArn()));
  }

  /**
   * What differs: the compared shape's top-level paths, the env by key names (values compared here,
   * in memory, so a rotated plaintext credential updates too; never reported).
   */
  private static List<String> changes(Map<String, Object> desired, Map<String, Object> seen,
      Map<String, String> env, Map<String, String> liveEnv) {
    Set<String> out = new TreeSet<>();
    Map<String, Object> d = new LinkedHashMap<>(desired);
    Map<String, Object> s = new LinkedHashMap<>(seen);
    d.remove("environment");
    s.remove("environment");
    for (PropertyDiff diff : Compare.diff(d, s)) {
      out.add(diff.path().split("[.\\[]", 2)[0]);
    }
    Set<String> keys = new TreeSet<>(env.keySet());
    keys.addAll(liveEnv.keySet());
    for (String key : keys) {
      if (!java.util.Objects.equals(env.get(key), liveEnv.get(key))) {
        out.add("environment." + key);
      }
    }
    return new ArrayList<>(out);
  }

  /** A live Runtime as {@link GatewayShapes#runtime}. */
  static Map<String, Object> shape(GetAgentRuntimeResponse r) {
    String image = r.agentRuntimeArtifact() == null || r.agentRuntimeArtifact().containerConfiguration() == null
        ? null : r.agentRuntimeArtifact().containerConfiguration().containerUri();
    CustomJWTAuthorizerConfiguration jwt = r.authorizerConfiguration() == null ? null
        : r.authorizerConfiguration().customJWTAuthorizer();
    return GatewayShapes.runtime(image, r.roleArn(),
        r.networkConfiguration() == null ? null : r.networkConfiguration().networkModeAsString(),
        r.protocolConfiguration() == null ? null : r.protocolConfiguration().serverProtocolAsString(),
        r.environmentVariables(), jwt == null ? null : Gateways.authorizerShape(jwt),
        r.requestHeaderConfiguration() == null ? null : r.requestHeaderConfiguration().requestHeaderAllowlist());
  }

  static AuthorizerConfiguration authorizer(JwtAuthorizer a) {
    return AuthorizerConfiguration.fromCustomJWTAuthorizer(j -> j.discoveryUrl(a.discoveryUrl())
        .allowedClients(a.allowedClients()).allowedScopes(a.allowedScopes()));
  }

  /** A Runtime of that name, preferring one that is not DELETING (names are reusable then). */
  public static Optional<AgentRuntime> byName(BedrockAgentCoreControlClient client, String name) {
    List<AgentRuntime> matches = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = client.listAgentRuntimes(r -> r.maxResults(Names.AGENTCORE_LIST_PAGE).nextToken(next));
      page.agentRuntimes().stream().filter(r -> name.equals(r.agentRuntimeName())).forEach(matches::add);
      token = page.nextToken();
    } while (token != null);
    return matches.stream().min(Comparator.comparing(r -> "DELETING".equals(r.statusAsString())));
  }

  private static Optional<GetAgentRuntimeResponse> get(BedrockAgentCoreControlClient client, String id) {
    return AwsFailures.unlessNotFound(() -> client.getAgentRuntime(r -> r.agentRuntimeId(id)));
  }

  private static RuntimeRef ref(String id, String arn, String name, Outcome outcome, List<String> changes) {
    return new RuntimeRef(id, arn, name, Names.runtimeMcpUrl(arn), outcome, changes);
  }
}
