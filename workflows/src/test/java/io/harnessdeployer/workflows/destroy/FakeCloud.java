package io.harnessdeployer.workflows.destroy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.*;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A cloud in memory behind Mockito mocks of every activity interface, so a deploy and a destroy
 * act on the same resources. An ensure creates (tagged with the caller's {@link Scope#tags()}) or
 * adopts; a delete removes only what carries the tag its {@link DeleteMode} requires, like the real
 * activities. Express registers an untagged task-definition revision per rollout. Each call is
 * logged as {@code method:resource}; faults can be injected per call.
 */
final class FakeCloud {
  static final String ACCOUNT = "123456789012";
  static final String ENDPOINT = "zs-abc123.ecs.us-east-1.on.aws";

  final StsActivities sts = mock(StsActivities.class, withSettings().withoutAnnotations());
  final EcrActivities ecr = mock(EcrActivities.class, withSettings().withoutAnnotations());
  final SecretsActivities secrets = mock(SecretsActivities.class, withSettings().withoutAnnotations());
  final IamActivities iam = mock(IamActivities.class, withSettings().withoutAnnotations());
  final EcsActivities ecs = mock(EcsActivities.class, withSettings().withoutAnnotations());
  final LogsActivities logs = mock(LogsActivities.class, withSettings().withoutAnnotations());
  final HealthActivities health = mock(HealthActivities.class, withSettings().withoutAnnotations());
  final AgentCoreActivities agentCore = mock(AgentCoreActivities.class, withSettings().withoutAnnotations());
  final OwnershipActivities ownership = mock(OwnershipActivities.class, withSettings().withoutAnnotations());
  final DiscoveryActivities discovery = mock(DiscoveryActivities.class, withSettings().withoutAnnotations());
  /** Role name → the ensure that made it, which tells its kind (as a trust policy does). */
  private final Map<String, String> roleKinds = new HashMap<>();

  /** {@code kind/name} → tags, in creation order. Guarded by {@code this}. */
  private final Map<String, Map<String, String>> resources = new LinkedHashMap<>();
  private final Map<String, Fault> faults = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Object> inputs = new ArrayList<>();
  private final List<String> softDeletedSecrets = new ArrayList<>();
  private final Map<String, Gate> gates = new HashMap<>();
  private int revision;
  /** How many more cluster deletes find services still draining. */
  private int clusterBusyAttempts;

  /** Holds the next call of one {@code method:resource} until released; it then goes through. */
  record Gate(CountDownLatch entered, CountDownLatch release) {}

  /** A failure the next {@code times} calls of one {@code method:resource} throw (-1: forever). */
  record Fault(String type, boolean retryable, int times) {}

  FakeCloud() {
    when(discovery.findTagged(any())).thenAnswer(i -> {
      TagSearch search = i.getArgument(0);
      return call("findTagged", search.scope().deployment().tagValue(), search, () -> findTagged(search));
    });
    when(sts.callerIdentity(any())).thenAnswer(i -> call("callerIdentity", "sts", i.getArgument(0),
        () -> new CallerIdentity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/dev")));
    when(ecr.checkImageArchitecture(any())).thenAnswer(i -> call("checkImageArchitecture", "image",
        i.getArgument(0), () -> new ImageArchitecture(ImageArchitecture.Verdict.AMD64, List.of("amd64"), "ok")));
    when(ownership.checkOwnership(any())).thenAnswer(i -> call("checkOwnership", "preflight", i.getArgument(0),
        () -> checkOwnership(i.getArgument(0))));
    when(secrets.ensureSecret(any())).thenAnswer(i -> ensureSecret(i.getArgument(0)));
    // the ecs preflight's topology check looks for the gateway topology's roles: this cloud has none
    when(iam.describeRole(any())).thenReturn(io.harnessdeployer.workflows.graph.Observed.missing());
    when(iam.ensureTaskExecutionRole(any())).thenAnswer(i -> {
      TaskExecutionRoleSpec s = i.getArgument(0);
      return role("ensureTaskExecutionRole", s.roleName(), s.scope(), s);
    });
    when(iam.ensureInfrastructureRole(any())).thenAnswer(i -> {
      RoleSpec s = i.getArgument(0);
      return role("ensureInfrastructureRole", s.roleName(), s.scope(), s);
    });
    when(iam.ensureHarnessRole(any())).thenAnswer(i -> {
      HarnessRoleSpec s = i.getArgument(0);
      return role("ensureHarnessRole", s.roleName(), s.scope(), s);
    });
    when(ecs.ensureCluster(any())).thenAnswer(i -> {
      ClusterSpec s = i.getArgument(0);
      return call("ensureCluster", s.clusterName(), s, () -> new ResourceRef(s.clusterName(),
          "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + s.clusterName(),
          ensure("ecs-cluster/" + s.clusterName(), s.scope())));
    });
    when(logs.ensureLogGroup(any())).thenAnswer(i -> {
      LogGroupSpec s = i.getArgument(0);
      return call("ensureLogGroup", s.logGroupName(), s, () -> new ResourceRef(s.logGroupName(),
          "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + s.logGroupName(),
          ensure("log-group/" + s.logGroupName(), s.scope())));
    });
    when(ecs.ensureService(any())).thenAnswer(i -> ensureService(i.getArgument(0)));
    when(ecs.awaitServiceActive(any())).thenAnswer(i -> call("awaitServiceActive", "service", i.getArgument(0),
        () -> new ServiceStatus(((WaitSpec) i.getArgument(0)).id(), "ACTIVE", ENDPOINT)));
    when(ecs.awaitServiceRollout(any())).thenAnswer(i -> call("awaitServiceRollout", "service", i.getArgument(0),
        () -> new ServiceStatus(((WaitSpec) i.getArgument(0)).id(), "ACTIVE", ENDPOINT)));
    when(health.awaitHealthy(any())).thenAnswer(i -> call("awaitHealthy", "health", i.getArgument(0),
        () -> new HealthResult(((WaitSpec) i.getArgument(0)).id(), 200, 1)));
    when(agentCore.ensureApiKeyProvider(any())).thenAnswer(i -> {
      ApiKeyProviderSpec s = i.getArgument(0);
      return call("ensureApiKeyProvider", s.providerName(), s, () -> new ResourceRef(s.providerName(),
          "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":token-vault/default/apikeycredentialprovider/"
              + s.providerName(), ensure("api-key-provider/" + s.providerName(), s.scope())));
    });
    when(agentCore.ensureHarness(any())).thenAnswer(i -> {
      HarnessSpec s = i.getArgument(0);
      return call("ensureHarness", s.harnessName(), s, () -> new HarnessRef(harnessId(s.harnessName()),
          "arn:aws:bedrock-agentcore:us-east-1:" + ACCOUNT + ":harness/" + harnessId(s.harnessName()),
          s.harnessName(), ensure("harness/" + s.harnessName(), s.scope())));
    });
    when(agentCore.awaitHarnessReady(any())).thenAnswer(i -> call("awaitHarnessReady", "harness", i.getArgument(0),
        () -> new HarnessStatus(((WaitSpec) i.getArgument(0)).id(), "READY", null)));

    // ---- deletes ----
    when(agentCore.deleteHarness(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return call("deleteHarness", d.id(), d, () -> delete("harness/" + d.id(), harnessId(d.id()), d.scope(), d.mode()));
    });
    when(agentCore.awaitHarnessGone(any())).thenAnswer(i -> {
      WaitSpec w = i.getArgument(0);
      return call("awaitHarnessGone", w.id(), w, () -> new HarnessStatus(w.id(), "GONE", null));
    });
    when(agentCore.deleteApiKeyProvider(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return call("deleteApiKeyProvider", d.id(), d, () -> delete("api-key-provider/" + d.id(), d.id(), d.scope(), d.mode()));
    });
    when(iam.deleteRole(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return call("deleteRole", d.id(), d, () -> delete("iam-role/" + d.id(), d.id(), d.scope(), d.mode()));
    });
    when(ecs.deleteService(any())).thenAnswer(i -> {
      ServiceDelete d = i.getArgument(0);
      return call("deleteService", d.serviceName(), d, () -> delete("ecs-service/" + d.cluster() + "/" + d.serviceName(),
          serviceArn(d.cluster(), d.serviceName()), d.scope(), d.mode()));
    });
    when(ecs.awaitServiceGone(any())).thenAnswer(i -> {
      WaitSpec w = i.getArgument(0);
      return call("awaitServiceGone", w.id(), w, () -> new ServiceStatus(w.id(), "INACTIVE", null));
    });
    when(ecs.deleteTaskDefinitions(any())).thenAnswer(i -> {
      TaskDefinitionCleanup c = i.getArgument(0);
      return call("deleteTaskDefinitions", c.family(), c, () -> {
        int n = removeAll("task-definition/" + c.family() + ":");
        return new TaskDefinitionsResult(c.family(), n, n, List.of());
      });
    });
    when(logs.deleteLogGroup(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return call("deleteLogGroup", d.id(), d, () -> delete("log-group/" + d.id(), d.id(), d.scope(), d.mode()));
    });
    when(ecs.deleteCluster(any())).thenAnswer(i -> {
      ResourceDelete d = i.getArgument(0);
      return call("deleteCluster", d.id(), d, () -> {
        synchronized (this) {
          boolean services = resources.keySet().stream().anyMatch(k -> k.startsWith("ecs-service/" + d.id() + "/"));
          if (resources.containsKey("ecs-cluster/" + d.id()) && (services || clusterBusyAttempts-- > 0)) {
            throw ApplicationFailure.newFailure("cluster " + d.id() + " still has services draining",
                FailureTypes.RESOURCE_BUSY);
          }
        }
        return delete("ecs-cluster/" + d.id(), d.id(), d.scope(), d.mode());
      });
    });
    when(secrets.deleteSecret(any())).thenAnswer(i -> {
      SecretDelete d = i.getArgument(0);
      return call("deleteSecret", d.secretId(), d, () -> {
        DeleteResult r = delete("secret/" + d.secretId(), d.secretId(), d.scope(), d.mode());
        if (r.outcome() != DeleteOutcome.DELETED) {
          return r;
        }
        if (d.forceWithoutRecovery()) {
          return new DeleteResult(d.secretId(), DeleteOutcome.DELETED, "deleted without recovery");
        }
        synchronized (this) {
          softDeletedSecrets.add(d.secretId());
        }
        return new DeleteResult(d.secretId(), DeleteOutcome.DELETED, "scheduled for deletion in "
            + Names.SECRET_RECOVERY_WINDOW_DAYS + " days; restore with: aws secretsmanager restore-secret");
      });
    });
  }

  Object[] all() {
    return new Object[] {sts, ecr, secrets, iam, ecs, logs, health, agentCore, ownership, discovery};
  }

  // ---- test controls ----

  /** A resource someone else made: it carries none of our tags. */
  synchronized void preExisting(String kind, String name) {
    resources.put(kind + "/" + name, Map.of("owner", "platform-team"));
  }

  /** A resource an earlier deploy of {@code scope}'s deployment created (another run id). */
  synchronized void taggedBy(Scope scope, String kind, String name) {
    resources.put(kind + "/" + name, scope.tags());
  }

  synchronized void fault(String call, Fault fault) {
    faults.put(call, fault);
  }

  synchronized void gate(String call, Gate gate) {
    gates.put(call, gate);
  }

  synchronized void clusterBusyFor(int attempts) {
    clusterBusyAttempts = attempts;
  }

  /** Every resource still there, as {@code kind/name}. */
  synchronized List<String> resources() {
    return List.copyOf(resources.keySet());
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  synchronized List<String> callsStartingWith(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).toList();
  }

  /** The calls a destroy makes: deletes and the waits for them. */
  synchronized List<String> deleteCalls() {
    return calls.stream()
        .filter(c -> c.startsWith("delete") || c.startsWith("awaitServiceGone") || c.startsWith("awaitHarnessGone"))
        .toList();
  }

  synchronized List<Object> inputs() {
    return List.copyOf(inputs);
  }

  synchronized List<String> softDeletedSecrets() {
    return List.copyOf(softDeletedSecrets);
  }

  static String harnessId(String name) {
    return name + "-AbCdE12345";
  }

  static String serviceArn(String cluster, String service) {
    return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":service/" + cluster + "/" + service;
  }

  // ---- behaviour ----

  private SecretRef ensureSecret(SecretSpec s) {
    return call("ensureSecret", s.secretId(), s, () -> {
      String arn = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + s.secretId() + "-AbC123";
      List<String> keys = List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET");
      if (s.mode() == SecretMode.BRING_YOUR_OWN) {
        synchronized (this) {
          if (!resources.containsKey("secret/" + s.secretId())) {
            throw ApplicationFailure.newNonRetryableFailure("no secret " + s.secretId(), FailureTypes.NOT_FOUND);
          }
        }
        return new SecretRef(s.secretId(), arn, keys, Outcome.ADOPTED, true);
      }
      return new SecretRef(s.secretId(), arn, keys, ensure("secret/" + s.secretId(), s.scope()), false);
    });
  }

  private ServiceRef ensureService(ServiceSpec s) {
    boolean merge = s.allowedHost() != null;
    return call(merge ? "ensureService+host" : "ensureService", s.serviceName(), s, () -> {
      String key = "ecs-service/" + s.cluster() + "/" + s.serviceName();
      Outcome outcome;
      synchronized (this) {
        outcome = merge && resources.containsKey(key) ? Outcome.UPDATED : ensure(key, s.scope());
        if (outcome != Outcome.ADOPTED) {
          resources.put("task-definition/" + Names.taskDefinitionFamily(s.cluster(), s.serviceName())
              + ":" + ++revision, Map.of());
        }
      }
      return new ServiceRef(serviceArn(s.cluster(), s.serviceName()), s.serviceName(), s.cluster(), outcome,
          outcome == Outcome.UPDATED ? List.of(Names.ENV_ALLOWED_HOSTS) : List.of());
    });
  }

  /** Like the real lookup: what carries the deployment's tag, per kind; services in any cluster. */
  private synchronized TaggedResources findTagged(TagSearch search) {
    Map<String, List<String>> byKind = new HashMap<>();
    List<TaggedService> services = new ArrayList<>();
    resources.forEach((key, tags) -> {
      if (!search.scope().ownsDeployment(tags)) {
        return;
      }
      String kind = key.substring(0, key.indexOf('/'));
      String name = key.substring(key.indexOf('/') + 1);
      if (kind.equals("ecs-service")) {
        services.add(new TaggedService(name.substring(0, name.indexOf('/')), name.substring(name.indexOf('/') + 1)));
      } else if (kind.equals("iam-role")) {
        byKind.computeIfAbsent(roleKinds.getOrDefault(name, "unknown"), k -> new ArrayList<>()).add(name);
      } else {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(name);
      }
    });
    return new TaggedResources(sorted(byKind, "ensureHarnessRole"), sorted(byKind, "ensureTaskExecutionRole"),
        sorted(byKind, "ensureInfrastructureRole"), sorted(byKind, "secret"), sorted(byKind, "log-group"),
        sorted(byKind, "ecs-cluster"), List.copyOf(services), sorted(byKind, "api-key-provider"),
        sorted(byKind, "harness"));
  }

  private static List<String> sorted(Map<String, List<String>> byKind, String kind) {
    return byKind.getOrDefault(kind, List.of()).stream().sorted().toList();
  }

  /** A role an ensure of {@code method} would have made, e.g. by an earlier deploy. */
  synchronized void roleKind(String name, String method) {
    roleKinds.put(name, method);
  }

  private ResourceRef role(String method, String name, Scope scope, Object input) {
    synchronized (this) {
      roleKinds.put(name, method);
    }
    return call(method, name, input, () -> new ResourceRef(name, "arn:aws:iam::" + ACCOUNT + ":role/" + name,
        ensure("iam-role/" + name, scope)));
  }

  /** Like the real check: every claimed resource that exists and may not be adopted, in one CONFLICT. */
  private synchronized OwnershipReport checkOwnership(OwnershipCheck check) {
    List<String> conflicts = new ArrayList<>();
    int live = 0;
    for (OwnershipClaim claim : check.claims()) {
      Map<String, String> tags = resources.get(claim.kind().kind() + "/" + claim.name());
      if (tags != null) {
        live++;
        if (!claim.mayAdopt(check.scope(), tags)) {
          conflicts.add(claim.describe());
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("not ours: " + conflicts, FailureTypes.CONFLICT);
    }
    return new OwnershipReport(check.claims().size(), live);
  }

  private synchronized Outcome ensure(String key, Scope scope) {
    Map<String, String> tags = resources.get(key);
    if (tags == null) {
      resources.put(key, scope.tags());
      return Outcome.CREATED;
    }
    return scope.ownsRun(tags) ? Outcome.CREATED : Outcome.ADOPTED;
  }

  private synchronized DeleteResult delete(String key, String id, Scope scope, DeleteMode mode) {
    Map<String, String> tags = resources.get(key);
    if (tags == null) {
      return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "not found");
    }
    boolean ours = mode == DeleteMode.THIS_RUN ? scope.ownsRun(tags) : scope.ownsDeployment(tags);
    if (!ours) {
      return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, "not tagged for this deployment: kept");
    }
    resources.remove(key);
    return new DeleteResult(id, DeleteOutcome.DELETED, null);
  }

  private synchronized int removeAll(String prefix) {
    List<String> gone = resources.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    gone.forEach(resources::remove);
    return gone.size();
  }

  private <T> T call(String method, String resource, Object input, Supplier<T> result) {
    String call = method + ":" + resource;
    Gate gate;
    synchronized (this) {
      gate = gates.remove(call);
    }
    if (gate != null) {
      gate.entered().countDown();
      try {
        if (!gate.release().await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate at " + call + " never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    synchronized (this) {
      calls.add(call);
      inputs.add(input);
      Fault fault = faults.get(call);
      if (fault != null && fault.times() != 0) {
        faults.put(call, new Fault(fault.type(), fault.retryable(), Math.max(-1, fault.times() - 1)));
        String message = "injected " + fault.type() + " at " + call;
        throw fault.retryable()
            ? ApplicationFailure.newFailure(message, fault.type())
            : ApplicationFailure.newNonRetryableFailure(message, fault.type());
      }
    }
    return result.get();
  }
}
