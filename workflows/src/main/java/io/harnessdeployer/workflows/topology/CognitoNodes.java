package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.common.Names.DOMAIN_GONE_POLL_INTERVAL;
import static io.harnessdeployer.workflows.common.Names.DOMAIN_GONE_TIMEOUT;

import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.NotRecallable;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.AppClientRef;
import io.harnessdeployer.workflows.steps.AppClientSpec;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.CognitoActivities;
import io.harnessdeployer.workflows.steps.CognitoRef;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.DomainSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.NestedDelete;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceServerSpec;
import io.harnessdeployer.workflows.steps.StsActivities;
import io.harnessdeployer.workflows.steps.UserPoolRef;
import io.harnessdeployer.workflows.steps.UserPoolSpec;
import io.harnessdeployer.workflows.steps.WaitSpec;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The Cognito side of the auth chain (spec §3 step 6, §3.1): the pool, its resource server and
 * scope, the client-credentials app client and the hosted domain the token endpoint lives on.
 */
final class CognitoNodes {
  /** {@code Workflow.getVersion} change id of keeping the pool after its OAuth2 provider's delete failed. */
  static final String POOL_AFTER_FAILED_PROVIDER = "pool-after-failed-provider";

  private final Settings s;
  private final GatewayNames n;

  CognitoNodes(Settings s) {
    this.s = s;
    this.n = s.names().gateway();
  }

  private CognitoActivities aws(Step step, String what) {
    return step.aws(CognitoActivities.class, what);
  }

  Ensured pool(Step step) {
    UserPoolRef ref = aws(step, "ensure user pool " + n.userPool()).ensureUserPool(new UserPoolSpec(s.scope(), n.userPool()));
    return Ensured.of(ref, ref.poolId(), ref.outcome());
  }

  Ensured resourceServer(Step step) {
    UserPoolRef pool = step.input(GatewayTopology.USER_POOL, UserPoolRef.class);
    CognitoRef ref = aws(step, "ensure resource server " + n.resourceServer())
        .ensureResourceServer(new ResourceServerSpec(s.scope(), pool.poolId(), n.resourceServer(), n.scopeName()));
    return Ensured.of(ref, ref.id(), ref.outcome());
  }

  Ensured appClient(Step step) {
    UserPoolRef pool = step.input(GatewayTopology.USER_POOL, UserPoolRef.class);
    AppClientRef ref = aws(step, "ensure app client " + n.appClient())
        .ensureAppClient(new AppClientSpec(s.scope(), pool.poolId(), n.appClient(), List.of(n.cognitoScope())));
    return Ensured.of(ref, ref.clientId(), ref.outcome());
  }

  Ensured domain(Step step) {
    UserPoolRef pool = step.input(GatewayTopology.USER_POOL, UserPoolRef.class);
    String domain = n.domain(step.input(GatewayTopology.PREFLIGHT, CallerIdentity.class).account());
    CognitoRef ref = aws(step, "ensure domain " + domain).ensureDomain(new DomainSpec(s.scope(), pool.poolId(), domain));
    return Ensured.of(ref, ref.id(), ref.outcome());
  }

  // ---- drift and plan: what the ensures write, and their outputs recalled from the describes ----

  /** The pool carries our tags; its parts have none of their own (the pool's judge them). */
  Map<String, Object> desiredPool(Step step) {
    return DesiredState.gateway(s.scope(), null, GatewayShapes.userPool(n.userPool()));
  }

  Map<String, Object> desiredResourceServer(Step step) {
    return DesiredState.untagged(null, GatewayShapes.resourceServer(n.resourceServer(), n.scopeName()));
  }

  Map<String, Object> desiredAppClient(Step step) {
    return DesiredState.untagged(null, GatewayShapes.appClient(n.appClient(), List.of(n.cognitoScope())));
  }

  /** Any status: the ensure adopts this pool's domain whatever it is (spec §3 step 6.4). */
  Map<String, Object> desiredDomain(Step step) {
    String account = step.input(GatewayTopology.PREFLIGHT, CallerIdentity.class).account();
    Map<String, Object> p = new java.util.LinkedHashMap<>(GatewayShapes.domain(n.domain(account), n.userPool()));
    p.put("userPoolId", step.input(GatewayTopology.USER_POOL, UserPoolRef.class).poolId());
    return DesiredState.untagged(null, p);
  }

  Observed describePool(Step step) {
    return aws(step, "describe user pool " + n.userPool()).describeUserPool(new Lookup(s.scope(), n.userPool()));
  }

  Observed describeResourceServer(Step step) {
    return aws(step, "describe resource server " + n.resourceServer())
        .describeResourceServer(new Lookup(s.scope(), n.resourceServer(), n.userPool()));
  }

  Observed describeAppClient(Step step) {
    return aws(step, "describe app client " + n.appClient())
        .describeAppClient(new Lookup(s.scope(), n.appClient(), n.userPool()));
  }

  /** A describe reads no outputs: the domain's name takes the account from STS. */
  Observed describeDomain(Step step) {
    String domain = domainName(step);
    return aws(step, "describe domain " + domain).describeDomain(new Lookup(s.scope(), domain));
  }

  UserPoolRef recallPool(Step step) {
    Observed self = step.observed(step.id());
    String id = Recalls.string(self, "id");
    if (id == null) {
      throw new NotRecallable("shows no pool id");
    }
    return new UserPoolRef(id, Recalls.string(self, "arn"), n.userPool(), null);
  }

  CognitoRef recallResourceServer(Step step) {
    return new CognitoRef(step.input(GatewayTopology.USER_POOL, UserPoolRef.class).poolId(), n.resourceServer(), null);
  }

  /** The client id only: its secret is never read back (nothing drift compares needs it). */
  AppClientRef recallAppClient(Step step) {
    String id = Recalls.string(step.observed(step.id()), "clientId");
    if (id == null) {
      throw new NotRecallable("shows no client id");
    }
    return new AppClientRef(id, n.appClient(), null, null);
  }

  // ---- rollback and destroy; --keep-cognito keeps all four ----

  /**
   * Not while the OAuth2 provider may remain: where AgentCore cannot list a provider's tags, this
   * pool's tags are what prove the provider ours, so a rerun could no longer delete it.
   */
  Done deletePool(Step step) {
    Done provider = step.dependent(GatewayTopology.OAUTH_PROVIDER);
    if (provider != null && provider.mayRemain()
        && Workflow.getVersion(POOL_AFTER_FAILED_PROVIDER, Workflow.DEFAULT_VERSION, 1) == 1) {
      return Done.failed("not attempted: the delete of OAuth2 provider " + n.oauthProvider()
          + " failed, and this pool's tags are what prove that provider ours; rerun destroy");
    }
    return Done.of(step.delete(CognitoActivities.class, "delete user pool " + n.userPool())
        .deleteUserPool(new ResourceDelete(s.scope(), step.mode(), n.userPool())));
  }

  Done deleteResourceServer(Step step) {
    return Done.of(step.delete(CognitoActivities.class, "delete resource server " + n.resourceServer())
        .deleteResourceServer(new NestedDelete(s.scope(), step.mode(), n.userPool(), n.resourceServer())));
  }

  Done deleteAppClient(Step step) {
    return Done.of(step.delete(CognitoActivities.class, "delete app client " + n.appClient())
        .deleteAppClient(new NestedDelete(s.scope(), step.mode(), n.userPool(), n.appClient())));
  }

  /** Waits until the domain is gone: its deletion is eventually consistent, and the pool's delete follows. */
  Done deleteDomain(Step step) {
    String domain = domainName(step);
    DeleteResult deleted = step.delete(CognitoActivities.class, "delete domain " + domain)
        .deleteDomain(new ResourceDelete(s.scope(), step.mode(), domain));
    if (deleted.outcome() == DeleteOutcome.DELETED) {
      step.poll(CognitoActivities.class, "wait for domain " + domain + " gone", DOMAIN_GONE_TIMEOUT)
          .awaitDomainGone(new WaitSpec(s.scope(), domain, DOMAIN_GONE_TIMEOUT, DOMAIN_GONE_POLL_INTERVAL));
    }
    return Done.of(deleted);
  }

  /** {@code <prefix>-<account>}: deletes and describes see no preflight output, so they ask STS. */
  private String domainName(Step step) {
    return n.domain(step.aws(StsActivities.class, "STS GetCallerIdentity").callerIdentity(s.scope()).account());
  }
}
