package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.GatewayTopology.*;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.NotRecallable;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.*;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The AgentCore side (spec §3 steps 7–10): the OAuth2 provider both outbound legs use, the
 * Runtime, the Gateway and its target, each waited on until READY.
 */
final class GatewayNodes {
  private final Settings s;
  private final GatewayNames n;

  GatewayNodes(Settings s) {
    this.s = s;
    this.n = s.names().gateway();
  }

  private GatewayActivities aws(Step step, String what) {
    return step.aws(GatewayActivities.class, what);
  }

  Ensured provider(Step step) {
    UserPoolRef pool = step.input(USER_POOL, UserPoolRef.class);
    AppClientRef client = step.input(APP_CLIENT, AppClientRef.class);
    ResourceRef ref = aws(step, "ensure OAuth2 provider " + n.oauthProvider()).ensureOauth2Provider(
        new OAuth2ProviderSpec(s.scope(), n.oauthProvider(), pool.discoveryUrl(s.scope().region()),
            client.clientId(), client.sealedSecret()));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  Ensured runtime(Step step) {
    RuntimeRef ref = aws(step, "ensure runtime " + n.runtime()).ensureRuntime(runtimeSpec(step));
    return Ensured.of(ref, ref.runtimeArn(), ref.outcome());
  }

  Ensured runtimeReady(Step step) {
    RuntimeRef runtime = step.input(RUNTIME, RuntimeRef.class);
    return ready(step, "runtime", runtime.runtimeId(), Names.RUNTIME_READY_TIMEOUT, Names.RUNTIME_POLL_INTERVAL,
        GatewayActivities::awaitRuntimeReady);
  }

  Ensured gateway(Step step) {
    GatewayRef ref = aws(step, "ensure gateway " + n.gateway()).ensureGateway(gatewaySpec(step));
    return Ensured.of(ref, ref.gatewayArn(), ref.outcome());
  }

  Ensured gatewayReady(Step step) {
    GatewayRef gateway = step.input(GATEWAY, GatewayRef.class);
    return ready(step, "gateway", gateway.gatewayId(), Names.GATEWAY_READY_TIMEOUT, Names.GATEWAY_POLL_INTERVAL,
        GatewayActivities::awaitGatewayReady);
  }

  Ensured target(Step step) {
    GatewayTargetRef ref = aws(step, "ensure gateway target " + n.gatewayTarget()).ensureGatewayTarget(targetSpec(step));
    return Ensured.of(ref, ref.targetId(), ref.outcome());
  }

  Ensured targetReady(Step step) {
    GatewayTargetRef target = step.input(GATEWAY_TARGET, GatewayTargetRef.class);
    return ready(step, "gateway target", target.waitId(), Names.TARGET_READY_TIMEOUT, Names.TARGET_POLL_INTERVAL,
        GatewayActivities::awaitGatewayTargetReady);
  }

  /** The activity summaries stay as recorded histories have them: "wait for <kind> <id> READY". */
  private Ensured ready(Step step, String kind, String id, Duration timeout, Duration interval,
      BiFunction<GatewayActivities, WaitSpec, AgentCoreStatus> await) {
    GatewayActivities poll = step.poll(GatewayActivities.class, "wait for " + kind + " " + id + " READY", timeout);
    AgentCoreStatus status = await.apply(poll, wait(id, timeout, interval));
    return Ensured.checked(status, status.status());
  }

  /** Both authorizers (Runtime inbound, Gateway): the app client and its scope, never an audience. */
  private JwtAuthorizer authorizer(Step step) {
    UserPoolRef pool = step.input(USER_POOL, UserPoolRef.class);
    AppClientRef client = step.input(APP_CLIENT, AppClientRef.class);
    return new JwtAuthorizer(pool.discoveryUrl(s.scope().region()), List.of(client.clientId()),
        List.of(n.cognitoScope()));
  }

  /** No credential value in the env in any mode: plaintext credentials travel sealed, opened in the activity. */
  private RuntimeSpec runtimeSpec(Step step) {
    SecretRef secret = step.input(SECRET, SecretRef.class);
    boolean plaintext = s.deploy().secretMode() == SecretMode.PLAINTEXT;
    Map<String, String> env = ContainerEnv.forRuntime(s.deploy().containerEnv(), secret == null ? null : secret.name());
    return new RuntimeSpec(s.scope(), n.runtime(), step.input(RUNTIME_ROLE, ResourceRef.class).arn(),
        s.deploy().imageUri(), env, plaintext ? s.deploy().credentials() : null, authorizer(step));
  }

  private GatewaySpec gatewaySpec(Step step) {
    return new GatewaySpec(s.scope(), n.gateway(), step.input(GATEWAY_ROLE, ResourceRef.class).arn(),
        authorizer(step), s.clientToken());
  }

  private GatewayTargetSpec targetSpec(Step step) {
    return new GatewayTargetSpec(s.scope(), step.input(GATEWAY, GatewayRef.class).gatewayId(), n.gatewayTarget(),
        step.input(RUNTIME, RuntimeRef.class).mcpUrl(), step.input(OAUTH_PROVIDER, ResourceRef.class).arn(),
        List.of(n.cognitoScope()), s.clientToken());
  }

  private WaitSpec wait(String id, Duration timeout, Duration interval) {
    return new WaitSpec(s.scope(), id, timeout, interval);
  }

  // ---- drift and plan ----

  Map<String, Object> desiredProvider(Step step) {
    UserPoolRef pool = step.input(USER_POOL, UserPoolRef.class);
    return DesiredState.gateway(s.scope(), null, GatewayShapes.oauth2Provider(pool.discoveryUrl(s.scope().region()),
        step.input(APP_CLIENT, AppClientRef.class).clientId()));
  }

  Map<String, Object> desiredRuntime(Step step) {
    RuntimeSpec spec = runtimeSpec(step);
    return DesiredState.gateway(s.scope(), "READY",
        GatewayShapes.runtime(spec, GatewayShapes.requiredCredentialKeys(spec.plaintextCredentials() != null)));
  }

  Map<String, Object> desiredGateway(Step step) {
    GatewaySpec spec = gatewaySpec(step);
    return DesiredState.gateway(s.scope(), "READY", GatewayShapes.gateway(spec.gatewayName(), spec.roleArn(),
        spec.authorizer()));
  }

  /** The target has no tags of its own: its gateway's are compared there. */
  Map<String, Object> desiredTarget(Step step) {
    GatewayTargetSpec spec = targetSpec(step);
    return DesiredState.untagged("READY", GatewayShapes.target(spec.targetName(), spec.endpoint(),
        spec.oauthProviderArn(), spec.scopes()));
  }

  Observed describeProvider(Step step) {
    return aws(step, "describe OAuth2 provider " + n.oauthProvider()).describeOauth2Provider(lookup(n.oauthProvider()));
  }

  Observed describeRuntime(Step step) {
    return aws(step, "describe runtime " + n.runtime()).describeRuntime(lookup(n.runtime()));
  }

  Observed describeGateway(Step step) {
    return aws(step, "describe gateway " + n.gateway()).describeGateway(lookup(n.gateway()));
  }

  Observed describeTarget(Step step) {
    return aws(step, "describe gateway target " + n.gatewayTarget())
        .describeGatewayTarget(new Lookup(s.scope(), n.gatewayTarget(), n.gateway()));
  }

  private Lookup lookup(String name) {
    return new Lookup(s.scope(), name);
  }

  RuntimeRef recallRuntime(Step step) {
    Observed self = step.observed(step.id());
    String arn = Recalls.string(self, "arn");
    if (arn == null) {
      throw new NotRecallable("shows no ARN");
    }
    return new RuntimeRef(Recalls.string(self, "id"), arn, n.runtime(), Names.runtimeMcpUrl(arn), null, List.of());
  }

  GatewayRef recallGateway(Step step) {
    Observed self = step.observed(step.id());
    String arn = Recalls.string(self, "arn");
    if (arn == null) {
      throw new NotRecallable("shows no ARN");
    }
    return new GatewayRef(Recalls.string(self, "id"), arn, Recalls.string(self, "url"), n.gateway(), null);
  }

  // ---- rollback and destroy: each waits until its resource is gone, so what it uses can go next ----

  private void gone(Step step, DeleteResult deleted, String kind, Duration timeout, Duration interval,
      BiFunction<GatewayActivities, WaitSpec, AgentCoreStatus> await) {
    if (deleted.outcome() == DeleteOutcome.DELETED) {
      await.apply(step.poll(GatewayActivities.class, "wait for " + kind + " " + deleted.id() + " gone", timeout),
          wait(deleted.id(), timeout, interval));
    }
  }

  Done deleteProvider(Step step) {
    return Done.of(step.delete(GatewayActivities.class, "delete OAuth2 provider " + n.oauthProvider())
        .deleteOauth2Provider(new ResourceDelete(s.scope(), step.mode(), n.oauthProvider())));
  }

  Done deleteRuntime(Step step) {
    DeleteResult deleted = step.delete(GatewayActivities.class, "delete runtime " + n.runtime())
        .deleteRuntime(new ResourceDelete(s.scope(), step.mode(), n.runtime()));
    gone(step, deleted, "runtime", Names.RUNTIME_GONE_TIMEOUT, Names.RUNTIME_GONE_POLL_INTERVAL, GatewayActivities::awaitRuntimeGone);
    return Done.of(deleted);
  }

  Done deleteGateway(Step step) {
    DeleteResult deleted = step.delete(GatewayActivities.class, "delete gateway " + n.gateway())
        .deleteGateway(new ResourceDelete(s.scope(), step.mode(), n.gateway()));
    gone(step, deleted, "gateway", Names.GATEWAY_GONE_TIMEOUT, Names.GATEWAY_GONE_POLL_INTERVAL, GatewayActivities::awaitGatewayGone);
    return Done.of(deleted);
  }

  /** A gateway with a draining target cannot be deleted: wait for the target to be gone. */
  Done deleteTarget(Step step) {
    DeleteResult deleted = step.delete(GatewayActivities.class, "delete gateway target " + n.gatewayTarget())
        .deleteGatewayTarget(new NestedDelete(s.scope(), step.mode(), n.gateway(), n.gatewayTarget()));
    gone(step, deleted, "gateway target", Names.TARGET_GONE_TIMEOUT, Names.TARGET_GONE_POLL_INTERVAL, GatewayActivities::awaitGatewayTargetGone);
    return Done.of(deleted);
  }
}
