package io.harnessdeployer.emulator.services.cognito;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.CloudLookup.TokenGrant;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.common.Output;
import io.harnessdeployer.emulator.services.common.Page;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.RandomIds;
import io.harnessdeployer.emulator.services.common.StoreHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito user pools (awsJson1_1): pools, resource servers, app clients, domains and tags, plus the
 * hosted endpoints a pool gets: its domain's OAuth2 token endpoint and its issuer's OpenID discovery
 * and JWKS documents (see {@link OAuthEndpoints}). One lock (this) guards everything, domains included:
 * a domain prefix is unique within a region across all accounts.
 */
public final class CognitoHandler extends StoreHandler<CognitoState> implements EndpointHost {
  static final String SERVICE = "cognito-idp";
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final Set<String> STANDARD_SCOPES = Set.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin");
  private static final Set<String> INTERACTIVE_FLOWS = Set.of("code", "implicit");

  private final Clock clock;
  /** region → domain prefix → the pool that owns it. */
  private final Map<String, Map<String, PoolRef>> domains = new HashMap<>();
  private final OAuthEndpoints endpoints = new OAuthEndpoints(this);

  record PoolRef(String accountId, String poolId) {}

  public CognitoHandler(Clock clock) {
    super(SERVICE, AccountRegionStore.regional(CognitoState::new));
    this.clock = clock;
    on("CreateUserPool", this::createUserPool);
    on("DescribeUserPool", this::describeUserPool);
    on("ListUserPools", this::listUserPools);
    on("DeleteUserPool", this::deleteUserPool);
    on("CreateResourceServer", this::createResourceServer);
    on("DescribeResourceServer", this::describeResourceServer);
    on("ListResourceServers", this::listResourceServers);
    on("DeleteResourceServer", this::deleteResourceServer);
    on("CreateUserPoolClient", this::createUserPoolClient);
    on("DescribeUserPoolClient", this::describeUserPoolClient);
    on("ListUserPoolClients", this::listUserPoolClients);
    on("DeleteUserPoolClient", this::deleteUserPoolClient);
    on("CreateUserPoolDomain", this::createUserPoolDomain);
    on("DescribeUserPoolDomain", this::describeUserPoolDomain);
    on("DeleteUserPoolDomain", this::deleteUserPoolDomain);
    on("TagResource", this::tagResource);
    on("UntagResource", this::untagResource);
    on("ListTagsForResource", this::listTagsForResource);
  }

  // ---- user pools

  private synchronized Map<String, Object> createUserPool(RequestContext ctx, Map<String, Object> in) {
    String id = ctx.region() + "_" + RandomIds.of(RandomIds.ALNUM, 9);
    Map<String, Object> admin = new LinkedHashMap<>(Map.of("AllowAdminCreateUserOnly", false));
    admin.putAll(Params.structure(in, "AdminCreateUserConfig"));
    UserPool pool = new UserPool(id, Params.string(in, "PoolName"), ctx.arn(SERVICE, "userpool/" + id), ctx.region(),
        ctx.now(), admin);
    pool.tags.putAll(Params.stringMap(in, "UserPoolTags"));
    store.of(ctx).pools.put(id, pool);
    return Output.of().put("UserPool", pool.toMap()).build();
  }

  private synchronized Map<String, Object> describeUserPool(RequestContext ctx, Map<String, Object> in) {
    return Output.of().put("UserPool", pool(ctx, Params.string(in, "UserPoolId")).toMap()).build();
  }

  private synchronized Map<String, Object> listUserPools(RequestContext ctx, Map<String, Object> in) {
    List<Map<String, Object>> all = store.of(ctx).pools.values().stream().map(UserPool::description).toList();
    Page<Map<String, Object>> page = Page.of(all, Params.string(in, "NextToken"), Params.integer(in, "MaxResults"), CognitoHandler::badToken);
    return Output.of().put("UserPools", page.items()).put("NextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> deleteUserPool(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    if (pool.domain != null) {
      throw invalid("User pool cannot be deleted. It has a domain configured that should be deleted first.");
    }
    store.of(ctx).pools.remove(pool.id);
    return Output.empty();
  }

  // ---- resource servers

  private synchronized Map<String, Object> createResourceServer(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    String identifier = Params.string(in, "Identifier");
    if (pool.resourceServers.containsKey(identifier)) {
      throw invalid(identifier + " already exists in user pool " + pool.id + ".");
    }
    List<Map<String, Object>> scopes = new ArrayList<>();
    for (Map<String, Object> s : Params.structures(in, "Scopes")) scopes.add(new LinkedHashMap<>(s));
    UserPool.ResourceServer server = new UserPool.ResourceServer(identifier, Params.string(in, "Name"), List.copyOf(scopes));
    pool.resourceServers.put(identifier, server);
    return Output.of().put("ResourceServer", server.toMap(pool.id)).build();
  }

  private synchronized Map<String, Object> describeResourceServer(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    return Output.of().put("ResourceServer", resourceServer(pool, Params.string(in, "Identifier")).toMap(pool.id)).build();
  }

  private synchronized Map<String, Object> listResourceServers(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    List<Map<String, Object>> all = pool.resourceServers.values().stream().map(r -> r.toMap(pool.id)).toList();
    Integer max = Params.integer(in, "MaxResults");
    Page<Map<String, Object>> page = Page.of(all, Params.string(in, "NextToken"), max == null ? 50 : max, CognitoHandler::badToken);
    return Output.of().put("ResourceServers", page.items()).put("NextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> deleteResourceServer(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    pool.resourceServers.remove(resourceServer(pool, Params.string(in, "Identifier")).identifier());
    return Output.empty();
  }

  // ---- app clients

  private synchronized Map<String, Object> createUserPoolClient(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    List<String> flows = List.copyOf(Params.strings(in, "AllowedOAuthFlows"));
    List<String> scopes = List.copyOf(Params.strings(in, "AllowedOAuthScopes"));
    boolean generate = Params.flag(in, "GenerateSecret");
    String secret = Params.string(in, "ClientSecret");
    if (secret == null && generate) secret = RandomIds.of(LOWER_ALNUM, 51);
    if (flows.contains("client_credentials")) {
      if (secret == null) {
        throw AwsServiceError.of("InvalidOAuthFlowException",
            "client_credentials flow can not be selected if client does not have a client secret.");
      }
      if (flows.stream().anyMatch(INTERACTIVE_FLOWS::contains)) {
        throw AwsServiceError.of("InvalidOAuthFlowException",
            "client_credentials flow can not be selected along with code flow or implicit flow.");
      }
    }
    if (!flows.isEmpty() && !Params.flag(in, "AllowedOAuthFlowsUserPoolClient")) {
      throw invalid("AllowedOAuthFlowsUserPoolClient must be true to use AllowedOAuthFlows.");
    }
    for (String scope : scopes) {
      if (!scopeExists(pool, scope)) throw AwsServiceError.of("ScopeDoesNotExistException", "Invalid scope requested: " + scope);
    }
    if (flows.contains("client_credentials") && scopes.stream().anyMatch(STANDARD_SCOPES::contains)) {
      throw AwsServiceError.of("InvalidOAuthFlowException", "client_credentials flow can only be used with custom scopes.");
    }
    Integer validity = Params.integer(in, "AccessTokenValidity");
    AppClient client = new AppClient(RandomIds.of(LOWER_ALNUM, 26), Params.string(in, "ClientName"), pool.id, secret,
        flows, scopes, Params.flag(in, "AllowedOAuthFlowsUserPoolClient"), List.copyOf(Params.strings(in, "ExplicitAuthFlows")),
        (validity == null ? 1 : validity) * 60, ctx.now());
    pool.clients.put(client.clientId(), client);
    return Output.of().put("UserPoolClient", client.toMap()).build();
  }

  private synchronized Map<String, Object> describeUserPoolClient(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    return Output.of().put("UserPoolClient", client(pool, Params.string(in, "ClientId")).toMap()).build();
  }

  private synchronized Map<String, Object> listUserPoolClients(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    List<Map<String, Object>> all = pool.clients.values().stream().map(AppClient::description).toList();
    Integer max = Params.integer(in, "MaxResults");
    Page<Map<String, Object>> page = Page.of(all, Params.string(in, "NextToken"), max == null ? 60 : max, CognitoHandler::badToken);
    return Output.of().put("UserPoolClients", page.items()).put("NextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> deleteUserPoolClient(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    pool.clients.remove(client(pool, Params.string(in, "ClientId")).clientId());
    return Output.empty();
  }

  // ---- domains

  private synchronized Map<String, Object> createUserPoolDomain(RequestContext ctx, Map<String, Object> in) {
    UserPool pool = pool(ctx, Params.string(in, "UserPoolId"));
    String domain = Params.string(in, "Domain");
    if (!Params.structure(in, "CustomDomainConfig").isEmpty()) {
      throw invalid("Custom domains are not supported by this emulator; use a prefix domain.");
    }
    Map<String, PoolRef> region = domains.computeIfAbsent(ctx.region(), r -> new HashMap<>());
    if (region.containsKey(domain)) throw invalid("Domain already associated with another user pool.");
    if (pool.domain != null) throw invalid("User pool already has a domain configured.");
    region.put(domain, new PoolRef(ctx.accountId(), pool.id));
    pool.domain = domain;
    pool.lastModified = ctx.now();
    Integer version = Params.integer(in, "ManagedLoginVersion");
    return Output.of().put("ManagedLoginVersion", version == null ? 1 : version).build();
  }

  private synchronized Map<String, Object> describeUserPoolDomain(RequestContext ctx, Map<String, Object> in) {
    String domain = Params.string(in, "Domain");
    PoolRef ref = domains.getOrDefault(ctx.region(), Map.of()).get(domain);
    // Cognito answers an unknown prefix with an empty description, not an error.
    if (ref == null || !ref.accountId().equals(ctx.accountId())) return Output.of().put("DomainDescription", Map.of()).build();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("UserPoolId", ref.poolId());
    d.put("AWSAccountId", ref.accountId());
    d.put("Domain", domain);
    d.put("S3Bucket", "aws-cognito-prod-" + ctx.region() + "-assets");
    d.put("CloudFrontDistribution", RandomIds.of(LOWER_ALNUM, 14) + ".cloudfront.net");
    d.put("Version", "20260101000000");
    d.put("Status", "ACTIVE");
    d.put("ManagedLoginVersion", 1);
    return Output.of().put("DomainDescription", d).build();
  }

  private synchronized Map<String, Object> deleteUserPoolDomain(RequestContext ctx, Map<String, Object> in) {
    String domain = Params.string(in, "Domain");
    String poolId = Params.string(in, "UserPoolId");
    Map<String, PoolRef> region = domains.getOrDefault(ctx.region(), new HashMap<>());
    PoolRef ref = region.get(domain);
    UserPool pool = store.of(ctx).pools.get(poolId);
    // moto answers a missing domain or pool ResourceNotFoundException; spec 7.3 takes it (and InvalidParameter) as absent.
    if (ref == null || pool == null) throw AwsServiceError.of("ResourceNotFoundException", "No such domain or user pool exists.");
    if (!ref.equals(new PoolRef(ctx.accountId(), poolId))) throw invalid("Domain " + domain + " does not belong to user pool " + poolId + ".");
    region.remove(domain);
    pool.domain = null;
    pool.lastModified = ctx.now();
    return Output.empty();
  }

  // ---- tags (user pools are the only taggable resource)

  private synchronized Map<String, Object> tagResource(RequestContext ctx, Map<String, Object> in) {
    poolByArn(ctx, Params.string(in, "ResourceArn")).tags.putAll(Params.stringMap(in, "Tags"));
    return Output.empty();
  }

  private synchronized Map<String, Object> untagResource(RequestContext ctx, Map<String, Object> in) {
    poolByArn(ctx, Params.string(in, "ResourceArn")).tags.keySet().removeAll(Params.strings(in, "TagKeys"));
    return Output.empty();
  }

  private synchronized Map<String, Object> listTagsForResource(RequestContext ctx, Map<String, Object> in) {
    return Output.of().put("Tags", new LinkedHashMap<>(poolByArn(ctx, Params.string(in, "ResourceArn")).tags)).build();
  }

  // ---- what the hosted endpoints and other services ask

  /** The pool that owns {@code <prefix>} in {@code region}, if any. */
  synchronized Optional<UserPool> poolByDomain(String region, String prefix) {
    PoolRef ref = domains.getOrDefault(region, Map.of()).get(prefix);
    return ref == null ? Optional.empty() : poolById(ref.poolId());
  }

  /** Pool ids carry their region and are random, so one id names one pool in the whole emulator. */
  synchronized Optional<UserPool> poolById(String poolId) {
    for (CognitoState s : store.all()) {
      UserPool p = s.pools.get(poolId);
      if (p != null) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** A client_credentials grant for the pool behind an issuer's discovery URL (AgentCore's credential providers). */
  public TokenGrant clientCredentials(String discoveryUrl, String clientId, String clientSecret, List<String> scopes, Instant now) {
    Optional<UserPool> pool = OAuthEndpoints.poolIdOf(discoveryUrl).flatMap(this::poolById);
    if (pool.isEmpty()) return new TokenGrant(null, "invalid_client");
    return endpoints.grant(pool.get(), clientId, clientSecret, scopes, now);
  }

  public Optional<Map<String, Object>> verifiedClaims(String discoveryUrl, String token, Instant now) {
    return OAuthEndpoints.poolIdOf(discoveryUrl).flatMap(this::poolById).flatMap(p -> endpoints.verify(p, token, now));
  }

  @Override
  public boolean owns(String host) {
    return OAuthEndpoints.owns(host);
  }

  @Override
  public Response answer(Request request) {
    return endpoints.answer(request, clock.instant());
  }

  @Override
  public synchronized List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (CognitoState s : store.all()) {
      for (UserPool p : s.pools.values()) out.add(new ResourceView(SERVICE, "user-pool", p.name, p.arn, "Enabled", Map.copyOf(p.tags)));
    }
    return out;
  }

  @Override
  public synchronized void reset() {
    super.reset();
    domains.clear();
  }

  // ---- lookups

  private UserPool pool(RequestContext ctx, String id) {
    UserPool pool = store.of(ctx).pools.get(id);
    if (pool == null) throw AwsServiceError.of("ResourceNotFoundException", "User pool " + id + " does not exist.");
    return pool;
  }

  private UserPool poolByArn(RequestContext ctx, String arn) {
    return store.of(ctx).pools.values().stream().filter(p -> p.arn.equals(arn)).findFirst()
        .orElseThrow(() -> AwsServiceError.of("ResourceNotFoundException", "Resource " + arn + " does not exist."));
  }

  private static UserPool.ResourceServer resourceServer(UserPool pool, String identifier) {
    UserPool.ResourceServer r = pool.resourceServers.get(identifier);
    if (r == null) throw AwsServiceError.of("ResourceNotFoundException", "Resource server " + identifier + " does not exist.");
    return r;
  }

  private static AppClient client(UserPool pool, String clientId) {
    AppClient c = pool.clients.get(clientId);
    if (c == null) throw AwsServiceError.of("ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
    return c;
  }

  private static boolean scopeExists(UserPool pool, String scope) {
    if (STANDARD_SCOPES.contains(scope)) return true;
    int slash = scope.lastIndexOf('/');
    if (slash < 0) return false;
    UserPool.ResourceServer r = pool.resourceServers.get(scope.substring(0, slash));
    return r != null && r.hasScope(scope.substring(slash + 1));
  }

  private static AwsServiceError invalid(String message) {
    return AwsServiceError.of("InvalidParameterException", message);
  }

  private static AwsServiceError badToken() {
    return invalid("Invalid pagination token.");
  }
}
