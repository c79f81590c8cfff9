package io.harnessdeployer.workflows.deploy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mockito mocks of every activity interface, answering like a healthy cloud. Each answer logs
 * {@code method:resource} to {@link #calls}, can be told to fail a step, and reports {@link
 * #outcome} for every ensure (CREATED for a first deploy, ADOPTED for a rerun).
 */
final class FakeAws {
  static final String ACCOUNT = "123456789012";
  static final String ENDPOINT = "zs-abc123.ecs.us-east-1.on.aws";

  final StsActivities sts = mock(StsActivities.class, withSettings().withoutAnnotations());
  final EcrActivities ecr = mock(EcrActivities.class, withSettings().withoutAnnotations());
  final SecretsActivities secrets = mock(SecretsActivities.class, withSettings().withoutAnnotations());
  final IamActivities iam = mock(IamActivities.class, withSettings().withoutAnnotations());
  final EcsActivities ecs = mock(EcsActivities.class, withSettings().withoutAnnotations());
  final LogsActivities logs = mock(LogsActivities.class, withSettings().withoutAnnotations());
  final HealthActivities health = mock(HealthActivities.class, withSettings().withoutAnnotations());
  final AgentCoreActivities agentCore =
      mock(AgentCoreActivities.class, withSettings().withoutAnnotations());
  final OwnershipActivities ownership = mock(OwnershipActivities.class, withSettings().withoutAnnotations());
  final CognitoActivities cognito = mock(CognitoActivities.class, withSettings().withoutAnnotations());
  final GatewayActivities gateway = mock(GatewayActivities.class, withSettings().withoutAnnotations());
  final DiscoveryActivities discovery = mock(DiscoveryActivities.class, withSettings().withoutAnnotations());
  /** What the gateway topology's preflight finds by this deployment's tag (nothing: a first deploy). */
  volatile TaggedResources tagged = TaggedResources.none();

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  /** The step of every ensure and wait call, in call order (preflight's image check included). */
  final List<String> stepCalls = Collections.synchronizedList(new ArrayList<>());
  /** Every argument and result that crossed the activity boundary, for the secret scan. */
  final List<Object> payloads = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> failures = new HashMap<>();
  private final java.util.Set<String> denied = java.util.concurrent.ConcurrentHashMap.newKeySet();
  volatile Outcome outcome = Outcome.CREATED;
  /** What the second ensureService (allowed-hosts merge) reports; CREATED and UPDATED both carry changes. */
  volatile Outcome hostMergeOutcome = Outcome.UPDATED;
  /** Non-empty: the managed secret held other credentials and ensureSecret rotated these keys. */
  volatile List<String> rotatedKeys = List.of();

  /** Live roles a describeRole sees, by name (none: every role is missing). */
  final Map<String, Observed> gatewayRoles = new java.util.concurrent.ConcurrentHashMap<>();

  FakeAws() {
    when(sts.callerIdentity(any())).thenAnswer(i -> answer("preflight", "callerIdentity", ACCOUNT, i.getArgument(0),
        () -> new CallerIdentity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/dev")));
    when(ownership.checkOwnership(any())).thenAnswer(i -> answer(null, "checkOwnership", "preflight", i.getArgument(0),
        () -> new OwnershipReport(((OwnershipCheck) i.getArgument(0)).claims().size(), 0)));
    when(ecr.checkImageArchitecture(any())).thenAnswer(i -> answer(null, "checkImageArchitecture", "image", i.getArgument(0),
        () -> new ImageArchitecture(ImageArchitecture.Verdict.AMD64, List.of("amd64"), "ok")));
    when(secrets.ensureSecret(any())).thenAnswer(i -> {
      SecretSpec s = i.getArgument(0);
      boolean rotates = s.mode() == SecretMode.MANAGED && !rotatedKeys.isEmpty();
      return answer("secret", "ensureSecret", s.secretId(), s, () -> new SecretRef(s.secretId(),
          "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + s.secretId() + "-AbC123",
          List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"),
          s.mode() == SecretMode.BRING_YOUR_OWN ? Outcome.ADOPTED : rotates ? Outcome.UPDATED : outcome,
          s.mode() == SecretMode.BRING_YOUR_OWN, rotates ? rotatedKeys : List.of()));
    });
    // the ecs preflight's topology check looks for the gateway topology's roles: see gatewayRoles
    when(iam.describeRole(any())).thenAnswer(i -> gatewayRoles.getOrDefault(((Lookup) i.getArgument(0)).id(),
        Observed.missing()));
    when(iam.ensureTaskExecutionRole(any())).thenAnswer(i -> {
      TaskExecutionRoleSpec s = i.getArgument(0);
      return answer("task-execution-role", "ensureTaskExecutionRole", s.roleName(), s, () -> role(s.roleName()));
    });
    when(iam.ensureInfrastructureRole(any())).thenAnswer(i -> {
      RoleSpec s = i.getArgument(0);
      return answer("infrastructure-role", "ensureInfrastructureRole", s.roleName(), s, () -> role(s.roleName()));
    });
    when(iam.ensureHarnessRole(any())).thenAnswer(i -> {
      HarnessRoleSpec s = i.getArgument(0);
      return answer("harness-role", "ensureHarnessRole", s.roleName(), s, () -> role(s.roleName()));
    });
    when(ecs.ensureCluster(any())).thenAnswer(i -> {
      ClusterSpec s = i.getArgument(0);
      return answer("cluster", "ensureCluster", s.clusterName(), s, () -> new ResourceRef(s.clusterName(),
          "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + s.clusterName(), outcome));
    });
    when(logs.ensureLogGroup(any())).thenAnswer(i -> {
      LogGroupSpec s = i.getArgument(0);
      return answer("log-group", "ensureLogGroup", s.logGroupName(), s, () -> new ResourceRef(s.logGroupName(),
          "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + s.logGroupName(), outcome));
    });
    when(ecs.ensureService(any())).thenAnswer(i -> {
      ServiceSpec s = i.getArgument(0);
      boolean merge = s.allowedHost() != null;
      Outcome result = merge ? hostMergeOutcome : s.secretRotated() ? Outcome.UPDATED : outcome;
      return answer(merge ? "allowed-hosts" : "service", "ensureService", s.serviceName(), s,
          () -> new ServiceRef(serviceArn(s.cluster(), s.serviceName()), s.serviceName(), s.cluster(), result,
              // like the real activity: this run's own service stays CREATED when the merge updates it
              s.secretRotated() ? List.of(ServiceRef.SECRET_VERSION)
                  : result == Outcome.UPDATED || merge && result == Outcome.CREATED ? List.of("environment") : List.of()));
    });
    when(ecs.awaitServiceActive(any())).thenAnswer(i -> answer("service-active", "awaitServiceActive", "service",
        i.getArgument(0), () -> new ServiceStatus(((WaitSpec) i.getArgument(0)).id(), "ACTIVE", ENDPOINT)));
    when(ecs.awaitServiceRollout(any())).thenAnswer(i -> answer("service-rollout", "awaitServiceRollout", "service",
        i.getArgument(0), () -> new ServiceStatus(((WaitSpec) i.getArgument(0)).id(), "ACTIVE", ENDPOINT)));
    when(health.awaitHealthy(any())).thenAnswer(i -> answer("health", "awaitHealthy", "health", i.getArgument(0),
        () -> new HealthResult(((WaitSpec) i.getArgument(0)).id(), 200, 1)));
    when(agentCore.ensureApiKeyProvider(any())).thenAnswer(i -> {
      ApiKeyProviderSpec s = i.getArgument(0);
      return answer("credential-provider", "ensureApiKeyProvider", s.providerName(), s, () -> new ResourceRef(
          s.providerName(), "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT
              + ":token-vault/default/apikeycredentialprovider/" + s.providerName(), outcome));
    });
    when(agentCore.ensureHarness(any())).thenAnswer(i -> {
      HarnessSpec s = i.getArgument(0);
      return answer("harness", "ensureHarness", s.harnessName(), s, () -> new HarnessRef(s.harnessName() + "-AbCdE12345",
          "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":harness/" + s.harnessName() + "-AbCdE12345",
          s.harnessName(), outcome));
    });
    when(agentCore.awaitHarnessReady(any())).thenAnswer(i -> answer("harness-ready", "awaitHarnessReady", "harness",
        i.getArgument(0), () -> new HarnessStatus(((WaitSpec) i.getArgument(0)).id(), "READY", null)));

    // ---- undo side ----
    when(secrets.deleteSecret(any())).thenAnswer(i -> deleted("deleteSecret", ((SecretDelete) i.getArgument(0)).secretId(), i.getArgument(0)));
    when(iam.deleteRole(any())).thenAnswer(i -> deleted("deleteRole", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(ecs.deleteCluster(any())).thenAnswer(i -> deleted("deleteCluster", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(logs.deleteLogGroup(any())).thenAnswer(i -> deleted("deleteLogGroup", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(ecs.deleteService(any())).thenAnswer(i -> {
      ServiceDelete d = i.getArgument(0);
      return answer(null, "deleteService", d.serviceName(), d,
          () -> new DeleteResult(serviceArn(d.cluster(), d.serviceName()), DeleteOutcome.DELETED, null));
    });
    when(ecs.awaitServiceGone(any())).thenAnswer(i -> answer(null, "awaitServiceGone", "service", i.getArgument(0),
        () -> new ServiceStatus(((WaitSpec) i.getArgument(0)).id(), "GONE", null)));
    when(ecs.deleteTaskDefinitions(any())).thenAnswer(i -> {
      TaskDefinitionCleanup c = i.getArgument(0);
      return answer(null, "deleteTaskDefinitions", c.family(), c, () -> new TaskDefinitionsResult(c.family(), 2, 2, List.of()));
    });
    when(agentCore.deleteApiKeyProvider(any())).thenAnswer(i -> deleted("deleteApiKeyProvider", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(agentCore.deleteHarness(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return answer(null, "deleteHarness", d.id(), d, () -> new DeleteResult(d.id() + "-AbCdE12345", DeleteOutcome.DELETED, null));
    });
    when(agentCore.awaitHarnessGone(any())).thenAnswer(i -> answer(null, "awaitHarnessGone", "harness", i.getArgument(0),
        () -> new HarnessStatus(((WaitSpec) i.getArgument(0)).id(), "GONE", null)));
    gatewaySide();
  }

  Object[] all() {
    return new Object[] {sts, ecr, secrets, iam, ecs, logs, health, agentCore, ownership, cognito, gateway, discovery};
  }

  static final String POOL_ID = "us-east-1_AbC123";
  static final String GATEWAY_ID = "zscaler-mcp-gateway-abc123";
  static final String RUNTIME_ID = "zscaler_mcp_runtime-AbC123";
  static final String CLIENT_ID = "cognito-client-1";

  /** The gateway topology's activities, answering like a healthy cloud (see the ecs ones above). */
  private void gatewaySide() {
    when(discovery.findTagged(any())).thenAnswer(i -> answer(null, "findTagged", "preflight", i.getArgument(0), () -> tagged));
    when(iam.ensureRuntimeRole(any())).thenAnswer(i -> {
      RuntimeRoleSpec s = i.getArgument(0);
      return answer("runtime-role", "ensureRuntimeRole", s.roleName(), s, () -> role(s.roleName()));
    });
    when(iam.ensureGatewayRole(any())).thenAnswer(i -> {
      GatewayRoleSpec s = i.getArgument(0);
      return answer("gateway-role", "ensureGatewayRole", s.roleName(), s, () -> role(s.roleName()));
    });
    when(cognito.ensureUserPool(any())).thenAnswer(i -> {
      UserPoolSpec s = i.getArgument(0);
      return answer("user-pool", "ensureUserPool", s.poolName(), s, () -> new UserPoolRef(POOL_ID,
          "arn:aws:cognito-idp:us-east-1:" + ACCOUNT + ":userpool/" + POOL_ID, s.poolName(), outcome));
    });
    when(cognito.ensureResourceServer(any())).thenAnswer(i -> {
      ResourceServerSpec s = i.getArgument(0);
      return answer("resource-server", "ensureResourceServer", s.identifier(), s,
          () -> new CognitoRef(s.userPoolId(), s.identifier(), outcome));
    });
    when(cognito.ensureAppClient(any())).thenAnswer(i -> {
      AppClientSpec s = i.getArgument(0);
      return answer("app-client", "ensureAppClient", s.clientName(), s, () -> new AppClientRef(CLIENT_ID,
          s.clientName(), new io.harnessdeployer.workflows.secrets.Sealed("k", "iv", "sealed-client-secret"), outcome));
    });
    when(cognito.ensureDomain(any())).thenAnswer(i -> {
      DomainSpec s = i.getArgument(0);
      return answer("domain", "ensureDomain", s.domain(), s, () -> new CognitoRef(s.userPoolId(), s.domain(), outcome));
    });
    when(gateway.ensureOauth2Provider(any())).thenAnswer(i -> {
      OAuth2ProviderSpec s = i.getArgument(0);
      return answer("oauth-provider", "ensureOauth2Provider", s.providerName(), s, () -> new ResourceRef(s.providerName(),
          "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":token-vault/default/oauth2credentialprovider/"
              + s.providerName(), outcome));
    });
    when(gateway.ensureRuntime(any())).thenAnswer(i -> {
      RuntimeSpec s = i.getArgument(0);
      String arn = "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":runtime/" + RUNTIME_ID;
      return answer("runtime", "ensureRuntime", s.runtimeName(), s, () -> new RuntimeRef(RUNTIME_ID, arn,
          s.runtimeName(), io.harnessdeployer.workflows.common.Names.runtimeMcpUrl(arn), outcome, List.of()));
    });
    when(gateway.awaitRuntimeReady(any())).thenAnswer(i -> answer("runtime-ready", "awaitRuntimeReady", "runtime",
        i.getArgument(0), () -> new AgentCoreStatus(((WaitSpec) i.getArgument(0)).id(), "READY", List.of())));
    when(gateway.ensureGateway(any())).thenAnswer(i -> {
      GatewaySpec s = i.getArgument(0);
      return answer("gateway", "ensureGateway", s.gatewayName(), s, () -> new GatewayRef(GATEWAY_ID,
          "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":gateway/" + GATEWAY_ID,
          "https://" + GATEWAY_ID + ".gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp", s.gatewayName(), outcome));
    });
    when(gateway.awaitGatewayReady(any())).thenAnswer(i -> answer("gateway-ready", "awaitGatewayReady", "gateway",
        i.getArgument(0), () -> new AgentCoreStatus(((WaitSpec) i.getArgument(0)).id(), "READY", List.of())));
    when(gateway.ensureGatewayTarget(any())).thenAnswer(i -> {
      GatewayTargetSpec s = i.getArgument(0);
      return answer("gateway-target", "ensureGatewayTarget", s.targetName(), s,
          () -> new GatewayTargetRef(s.gatewayId(), "TGT123", s.targetName(), outcome));
    });
    when(gateway.awaitGatewayTargetReady(any())).thenAnswer(i -> answer("gateway-target-ready", "awaitGatewayTargetReady",
        "gateway-target", i.getArgument(0), () -> new AgentCoreStatus(((WaitSpec) i.getArgument(0)).id(), "READY", List.of())));
    // ---- undo side ----
    when(cognito.deleteUserPool(any())).thenAnswer(i -> deleted("deleteUserPool", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(cognito.deleteResourceServer(any())).thenAnswer(i -> deleted("deleteResourceServer", ((NestedDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(cognito.deleteAppClient(any())).thenAnswer(i -> deleted("deleteAppClient", ((NestedDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(cognito.deleteDomain(any())).thenAnswer(i -> deleted("deleteDomain", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(cognito.awaitDomainGone(any())).thenAnswer(i -> gone("awaitDomainGone", i.getArgument(0)));
    when(gateway.deleteOauth2Provider(any())).thenAnswer(i -> deleted("deleteOauth2Provider", ((ResourceDelete) i.getArgument(0)).id(), i.getArgument(0)));
    when(gateway.deleteRuntime(any())).thenAnswer(i -> answer(null, "deleteRuntime", ((ResourceDelete) i.getArgument(0)).id(),
        i.getArgument(0), () -> new DeleteResult(RUNTIME_ID, DeleteOutcome.DELETED, null)));
    when(gateway.awaitRuntimeGone(any())).thenAnswer(i -> gone("awaitRuntimeGone", i.getArgument(0)));
    when(gateway.deleteGateway(any())).thenAnswer(i -> answer(null, "deleteGateway", ((ResourceDelete) i.getArgument(0)).id(),
        i.getArgument(0), () -> new DeleteResult(GATEWAY_ID, DeleteOutcome.DELETED, null)));
    when(gateway.awaitGatewayGone(any())).thenAnswer(i -> gone("awaitGatewayGone", i.getArgument(0)));
    when(gateway.deleteGatewayTarget(any())).thenAnswer(i -> answer(null, "deleteGatewayTarget",
        ((NestedDelete) i.getArgument(0)).id(), i.getArgument(0),
        () -> new DeleteResult(GatewayTargetRef.waitId(GATEWAY_ID, "TGT123"), DeleteOutcome.DELETED, null)));
    when(gateway.awaitGatewayTargetGone(any())).thenAnswer(i -> gone("awaitGatewayTargetGone", i.getArgument(0)));
  }

  private AgentCoreStatus gone(String method, WaitSpec wait) {
    return answer(null, method, wait.id(), wait, () -> new AgentCoreStatus(wait.id(), "GONE", List.of()));
  }

  /** The step's activity fails non-retryably the next {@code times} times it is called. */
  void failAt(String step, int times) {
    failures.put(step, times);
  }

  /** Every later call of {@code method} (e.g. {@code deleteOauth2Provider}) fails non-retryably. */
  void deny(String method) {
    denied.add(method);
  }

  /** The log entries of one kind, e.g. every {@code delete…} call. */
  List<String> callsStartingWith(String prefix) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }
  }

  private <T> T answer(String step, String method, String resource, Object input, Supplier<T> result) {
    calls.add(method + ":" + resource);
    if (step != null || method.equals("checkImageArchitecture")) {
      stepCalls.add(step == null ? "preflight" : step);
    }
    payloads.add(input);
    if (denied.contains(method)) {
      throw ApplicationFailure.newNonRetryableFailure("injected failure of " + method, FailureTypes.ACCESS_DENIED);
    }
    synchronized (failures) {
      Integer left = step == null ? null : failures.get(step);
      if (left != null && left > 0) {
        failures.put(step, left - 1);
        throw ApplicationFailure.newNonRetryableFailure("injected failure at " + step, FailureTypes.ACCESS_DENIED);
      }
    }
    T value = result.get();
    payloads.add(value);
    return value;
  }

  private DeleteResult deleted(String method, String id, Object input) {
    return answer(null, method, id, input, () -> new DeleteResult(id, DeleteOutcome.DELETED, null));
  }

  private ResourceRef role(String name) {
    return new ResourceRef(name, "arn:aws:iam::" + ACCOUNT + ":role/" + name, outcome);
  }

  private static String serviceArn(String cluster, String service) {
    return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + cluster + "/" + service;
  }
}
