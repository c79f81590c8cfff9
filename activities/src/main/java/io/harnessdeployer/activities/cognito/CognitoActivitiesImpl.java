package io.harnessdeployer.activities.cognito;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;
import static io.harnessdeployer.workflows.common.FailureTypes.VALIDATION;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.AgentCoreStatus;
import io.harnessdeployer.workflows.steps.AppClientRef;
import io.harnessdeployer.workflows.steps.AppClientSpec;
import io.harnessdeployer.workflows.steps.CognitoActivities;
import io.harnessdeployer.workflows.steps.CognitoRef;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.DomainSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.NestedDelete;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.ResourceServerSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.UserPoolRef;
import io.harnessdeployer.workflows.steps.UserPoolSpec;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Cognito user pool, resource server, app client and domain (see {@link CognitoActivities}). The
 * app client's secret is sealed as soon as it is read and is masked in every failure message.
 */
public final class CognitoActivitiesImpl implements CognitoActivities {
  private static final Logger log = LoggerFactory.getLogger(CognitoActivitiesImpl.class);

  private final Regional<CognitoIdentityProviderClient> cognito;
  private final Credentials credentials;
  private final Poller poller;

  public CognitoActivitiesImpl(Regional<CognitoIdentityProviderClient> cognito, Credentials credentials,
      Polling polling) {
    this.cognito = cognito;
    this.credentials = credentials;
    this.poller = new Poller(polling);
  }

  // ---- user pool

  @Override
  public UserPoolRef ensureUserPool(UserPoolSpec spec) {
    String name = spec.poolName();
    CognitoIdentityProviderClient c = cognito.in(spec.scope().region());
    try {
      Optional<UserPoolType> found = Pools.byName(c, spec.scope(), name);
      if (found.isEmpty()) {
        UserPoolType pool = c.createUserPool(r -> r.poolName(name)
            .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
            .userPoolTags(spec.scope().gatewayTags())).userPool();
        log.info("user pool {}: CREATED as {}", name, pool.id());
        return new UserPoolRef(pool.id(), pool.arn(), name, Outcome.CREATED);
      }
      UserPoolType pool = found.get();
      Ownership.require(spec.scope(), ResourceKind.USER_POOL, name, Pools.tags(pool));
      Outcome outcome = Ownership.existing(spec.scope(), Pools.tags(pool), false);
      log.info("user pool {} ({}): {}", name, pool.id(), outcome);
      return new UserPoolRef(pool.id(), pool.arn(), name, outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito ensure user pool " + name, e);
    }
  }

  @Override
  public DeleteResult deleteUserPool(ResourceDelete input) {
    String name = input.id();
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      Optional<UserPoolType> pool = Pools.byName(c, input.scope(), name);
      if (pool.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "user pool not found");
      }
      String id = pool.get().id();
      if (!Ownership.mayDelete(input.scope(), input.mode(), Pools.tags(pool.get()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      String domain = pool.get().domain();
      if (domain != null && !domain.isBlank()) { // Cognito refuses to delete a pool that has one
        ignoreMissing(() -> c.deleteUserPoolDomain(r -> r.domain(domain).userPoolId(id)));
      }
      c.deleteUserPool(r -> r.userPoolId(id));
      return new DeleteResult(id, DeleteOutcome.DELETED, "user pool deleted with its resource server and app client");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "user pool not found");
      }
      throw AwsFailures.classify("Cognito delete user pool " + name, e);
    }
  }

  @Override
  public Observed describeUserPool(Lookup input) {
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      return Pools.byName(c, input.scope(), input.id()).map(pool -> {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("arn", pool.arn());
        p.put("id", pool.id());
        p.put("name", pool.name());
        p.put("adminCreateUserOnly", pool.adminCreateUserConfig() != null
            && Boolean.TRUE.equals(pool.adminCreateUserConfig().allowAdminCreateUserOnly()));
        return new Observed(true, null, Pools.tags(pool), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito describe user pool " + input.id(), e);
    }
  }

  /** The tags of the pool of that name (this deployment's, if several); empty if there is none. */
  public Optional<Map<String, String>> poolTags(Scope scope, String name) {
    return Pools.byName(cognito.in(scope.region()), scope, name).map(Pools::tags);
  }

  /** The tags of pool {@code poolName} if it holds that resource server; empty otherwise. */
  public Optional<Map<String, String>> resourceServerTags(Scope scope, String poolName, String identifier) {
    CognitoIdentityProviderClient c = cognito.in(scope.region());
    return Pools.byName(c, scope, poolName).filter(p -> resourceServer(c, p.id(), identifier).isPresent())
        .map(Pools::tags);
  }

  /** The tags of pool {@code poolName} if it holds an app client of that name; empty otherwise. */
  public Optional<Map<String, String>> appClientTags(Scope scope, String poolName, String clientName) {
    CognitoIdentityProviderClient c = cognito.in(scope.region());
    return Pools.byName(c, scope, poolName).filter(p -> Pools.client(c, p.id(), clientName).isPresent())
        .map(Pools::tags);
  }

  /** The tags of the pool a domain belongs to; empty if the domain is free. */
  public Optional<Map<String, String>> domainTags(Scope scope, String domain) {
    CognitoIdentityProviderClient c = cognito.in(scope.region());
    return domain(c, domain).flatMap(d -> Pools.byId(c, d.userPoolId())).map(Pools::tags);
  }

  // ---- resource server

  @Override
  public CognitoRef ensureResourceServer(ResourceServerSpec spec) {
    String id = spec.identifier();
    CognitoIdentityProviderClient c = cognito.in(spec.scope().region());
    try {
      Map<String, String> poolTags = ownPool(c, spec.scope(), spec.userPoolId(), ResourceKind.RESOURCE_SERVER, id);
      if (resourceServer(c, spec.userPoolId(), id).isPresent()) {
        Outcome outcome = Ownership.existing(spec.scope(), poolTags, false);
        log.info("resource server {}: {}", id, outcome);
        return new CognitoRef(spec.userPoolId(), id, outcome);
      }
      try {
        c.createResourceServer(r -> r.userPoolId(spec.userPoolId()).identifier(id)
            .name(Names.COGNITO_RESOURCE_SERVER_NAME)
            .scopes(s -> s.scopeName(spec.scopeName()).scopeDescription(Names.COGNITO_SCOPE_DESCRIPTION)));
      } catch (SdkException e) {
        if (resourceServer(c, spec.userPoolId(), id).isEmpty()) {
          throw e;
        }
        // another attempt created it meanwhile: adopted as any existing one
        return new CognitoRef(spec.userPoolId(), id, Ownership.existing(spec.scope(), poolTags, false));
      }
      log.info("resource server {}: CREATED", id);
      return new CognitoRef(spec.userPoolId(), id, Outcome.CREATED);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito ensure resource server " + id, e);
    }
  }

  @Override
  public DeleteResult deleteResourceServer(NestedDelete input) {
    String id = input.id();
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      Optional<UserPoolType> pool = Pools.byName(c, input.scope(), input.within());
      if (pool.isEmpty() || resourceServer(c, pool.get().id(), id).isEmpty()) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "resource server not found");
      }
      if (!Ownership.mayDeleteInside(input.scope(), Pools.tags(pool.get()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, "its user pool is not this deployment's: kept");
      }
      c.deleteResourceServer(r -> r.userPoolId(pool.get().id()).identifier(id));
      return new DeleteResult(id, DeleteOutcome.DELETED, "resource server deleted");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "resource server not found");
      }
      throw AwsFailures.classify("Cognito delete resource server " + id, e);
    }
  }

  @Override
  public Observed describeResourceServer(Lookup input) {
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      return Pools.byName(c, input.scope(), input.within())
          .flatMap(pool -> resourceServer(c, pool.id(), input.id()))
          .map(rs -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("identifier", rs.identifier());
            p.put("name", rs.name());
            p.put("scopes", rs.scopes().stream()
                .map(s -> GatewayShapes.scopeEntry(s.scopeName(), s.scopeDescription())).toList());
            return new Observed(true, null, Map.of(), p);
          }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito describe resource server " + input.id(), e);
    }
  }

  // ---- app client

  @Override
  public AppClientRef ensureAppClient(AppClientSpec spec) {
    String name = spec.clientName();
    CognitoIdentityProviderClient c = cognito.in(spec.scope().region());
    String secret = null;
    try {
      Map<String, String> poolTags = ownPool(c, spec.scope(), spec.userPoolId(), ResourceKind.APP_CLIENT, name);
      var found = Pools.client(c, spec.userPoolId(), name);
      Outcome outcome;
      UserPoolClientType client;
      if (found.isPresent()) {
        client = c.describeUserPoolClient(r -> r.userPoolId(spec.userPoolId()).clientId(found.get().clientId()))
            .userPoolClient();
        outcome = Ownership.existing(spec.scope(), poolTags, false);
      } else {
        client = c.createUserPoolClient(r -> r.userPoolId(spec.userPoolId()).clientName(name).generateSecret(true)
            .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes(spec.scopes())
            .allowedOAuthFlowsUserPoolClient(true).explicitAuthFlowsWithStrings(Names.COGNITO_AUTH_FLOW_REFRESH))
            .userPoolClient();
        outcome = Outcome.CREATED;
      }
      secret = client.clientSecret();
      if (secret == null || secret.isEmpty()) {
        throw AwsFailures.failure(VALIDATION, "Cognito app client " + name + " (" + client.clientId()
            + ") has no client secret, which client_credentials needs: delete it manually and rerun");
      }
      log.info("app client {} ({}): {}", name, client.clientId(), outcome);
      return new AppClientRef(client.clientId(), name, credentials.seal(secret, AppClientRef.SECRET_PURPOSE), outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito ensure app client " + name, e, secret);
    }
  }

  @Override
  public DeleteResult deleteAppClient(NestedDelete input) {
    String name = input.id();
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      Optional<UserPoolType> pool = Pools.byName(c, input.scope(), input.within());
      var client = pool.flatMap(p -> Pools.client(c, p.id(), name));
      if (client.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "app client not found");
      }
      if (!Ownership.mayDeleteInside(input.scope(), Pools.tags(pool.get()))) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, "its user pool is not this deployment's: kept");
      }
      c.deleteUserPoolClient(r -> r.userPoolId(pool.get().id()).clientId(client.get().clientId()));
      return new DeleteResult(client.get().clientId(), DeleteOutcome.DELETED, "app client deleted");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "app client not found");
      }
      throw AwsFailures.classify("Cognito delete app client " + name, e);
    }
  }

  @Override
  public Observed describeAppClient(Lookup input) {
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      Optional<UserPoolType> pool = Pools.byName(c, input.scope(), input.within());
      var found = pool.flatMap(p -> Pools.client(c, p.id(), input.id()));
      if (found.isEmpty()) {
        return Observed.missing();
      }
      UserPoolClientType client = c.describeUserPoolClient(r -> r.userPoolId(pool.get().id())
          .clientId(found.get().clientId())).userPoolClient();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("clientId", client.clientId()); // shown: what the authorizers name
      p.put("name", client.clientName());
      p.put("generateSecret", client.clientSecret() != null); // whether there is one, never what
      p.put("oauthFlows", client.allowedOAuthFlowsAsStrings().stream().sorted().toList());
      p.put("scopes", client.allowedOAuthScopes().stream().sorted().toList());
      p.put("oauthFlowsUserPoolClient", Boolean.TRUE.equals(client.allowedOAuthFlowsUserPoolClient()));
      p.put("explicitAuthFlows", client.explicitAuthFlowsAsStrings().stream().sorted().toList());
      return new Observed(true, null, Map.of(), p);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito describe app client " + input.id(), e);
    }
  }

  // ---- domain

  @Override
  public CognitoRef ensureDomain(DomainSpec spec) {
    String domain = spec.domain();
    CognitoIdentityProviderClient c = cognito.in(spec.scope().region());
    try {
      Map<String, String> poolTags = ownPool(c, spec.scope(), spec.userPoolId(), ResourceKind.USER_POOL_DOMAIN, domain);
      Optional<DomainDescriptionType> live = domain(c, domain);
      if (live.isPresent()) {
        if (!spec.userPoolId().equals(live.get().userPoolId())) {
          throw AwsFailures.failure(CONFLICT, "Cognito domain " + domain + " belongs to user pool "
              + live.get().userPoolId() + ", not " + spec.userPoolId() + ": pick a different "
              + ResourceKind.USER_POOL_DOMAIN.nameFlag());
        }
        Outcome outcome = Ownership.existing(spec.scope(), poolTags, false);
        log.info("domain {}: {} ({})", domain, outcome, live.get().statusAsString());
        return new CognitoRef(spec.userPoolId(), domain, outcome);
      }
      try {
        c.createUserPoolDomain(r -> r.domain(domain).userPoolId(spec.userPoolId()));
      } catch (SdkException e) {
        if (domain(c, domain).filter(d -> spec.userPoolId().equals(d.userPoolId())).isPresent()) {
          return new CognitoRef(spec.userPoolId(), domain, Ownership.existing(spec.scope(), poolTags, false));
        }
        if (AwsFailures.hasCode(e, "InvalidParameterException") && AwsFailures.awsMessage(e).contains("already")) {
          throw AwsFailures.failure(CONFLICT, "Cognito domain " + domain + " is taken in " + spec.scope().region()
              + " (by another account, or a pool deleted moments ago): pick a different "
              + ResourceKind.USER_POOL_DOMAIN.nameFlag());
        }
        throw e;
      }
      log.info("domain {}: CREATED", domain);
      return new CognitoRef(spec.userPoolId(), domain, Outcome.CREATED);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito ensure domain " + domain, e);
    }
  }

  @Override
  public DeleteResult deleteDomain(ResourceDelete input) {
    String domain = input.id();
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      Optional<DomainDescriptionType> live = domain(c, domain);
      if (live.isEmpty()) {
        return new DeleteResult(domain, DeleteOutcome.ALREADY_GONE, "domain not found");
      }
      String poolId = live.get().userPoolId();
      Map<String, String> tags = Pools.byId(c, poolId).map(Pools::tags).orElse(Map.of());
      if (!Ownership.mayDeleteInside(input.scope(), tags)) {
        return new DeleteResult(domain, DeleteOutcome.KEPT_NOT_OURS, "its user pool is not this deployment's: kept");
      }
      c.deleteUserPoolDomain(r -> r.domain(domain).userPoolId(poolId));
      return new DeleteResult(domain, DeleteOutcome.DELETED, "domain deleting");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e) || AwsFailures.hasCode(e, "InvalidParameterException")) {
        return new DeleteResult(domain, DeleteOutcome.ALREADY_GONE, "domain not found"); // spec §7.3 step 9
      }
      throw AwsFailures.classify("Cognito delete domain " + domain, e);
    }
  }

  @Override
  public AgentCoreStatus awaitDomainGone(WaitSpec wait) {
    CognitoIdentityProviderClient c = cognito.in(wait.scope().region());
    return poller.await(wait, "Cognito domain " + wait.id() + " deleted", poll -> domain(c, wait.id())
        .<Check<AgentCoreStatus>>map(d -> Check.pending(d.statusAsString()))
        .orElseGet(() -> Check.done(new AgentCoreStatus(wait.id(), "GONE", List.of()))));
  }

  @Override
  public Observed describeDomain(Lookup input) {
    CognitoIdentityProviderClient c = cognito.in(input.scope().region());
    try {
      return domain(c, input.id()).map(d -> {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("domain", d.domain());
        p.put("userPoolId", d.userPoolId());
        Pools.byId(c, d.userPoolId()).ifPresent(pool -> p.put("userPool", pool.name()));
        return new Observed(true, d.statusAsString(), Map.of(), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("Cognito describe domain " + input.id(), e);
    }
  }

  // ---- helpers

  /** The pool's tags, after checking this deployment may write inside it (a conflict names the part). */
  private static Map<String, String> ownPool(CognitoIdentityProviderClient c, Scope scope, String poolId,
      ResourceKind kind, String name) {
    UserPoolType pool = Pools.require(c, poolId, kind.title() + " " + name);
    Map<String, String> tags = Pools.tags(pool);
    String within = kind == ResourceKind.USER_POOL_DOMAIN ? null : pool.name();
    Ownership.require(scope, new OwnershipClaim(kind, name, within), tags);
    return tags;
  }

  private static Optional<ResourceServerType> resourceServer(CognitoIdentityProviderClient c, String poolId,
      String identifier) {
    return AwsFailures.unlessNotFound(() -> c.describeResourceServer(r -> r.userPoolId(poolId).identifier(identifier)).resourceServer());
  }

  /** DescribeUserPoolDomain: an unknown prefix answers an empty description (or, in some regions, an error). */
  private static Optional<DomainDescriptionType> domain(CognitoIdentityProviderClient c, String domain) {
    try {
      DomainDescriptionType d = c.describeUserPoolDomain(r -> r.domain(domain)).domainDescription();
      return d == null || d.userPoolId() == null || d.userPoolId().isBlank() ? Optional.empty() : Optional.of(d);
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e) || AwsFailures.hasCode(e, "InvalidParameterException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void ignoreMissing(Runnable call) {
    try {
      call.run();
    } catch (SdkException e) {
      if (!AwsFailures.isNotFound(e) && !AwsFailures.hasCode(e, "InvalidParameterException")) {
        throw e;
      }
    }
  }
}
