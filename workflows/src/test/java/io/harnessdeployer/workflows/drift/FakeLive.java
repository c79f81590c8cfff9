package io.harnessdeployer.workflows.drift;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.withSettings;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.graph.Node;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.*;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.harnessdeployer.workflows.topology.Settings;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cloud that holds what a deploy of a request left, answering the read-only activities only
 * (describes, STS, the preflight's ownership and image checks); every write is logged in {@link
 * #writes} and refused with a non-retryable AccessDenied. {@link #seed} builds each resource's live state as its ensure would
 * have written it: the node's desired state, plus the facts a describe adds (ARN, key names,
 * endpoint host, the run tag).
 */
final class FakeLive {
  static final String ACCOUNT = "123456789012";
  static final String ENDPOINT = "zs-abc123.ecs.us-east-1.on.aws";

  /** Every call that is not a read, as {@code method}. */
  final List<String> writes = Collections.synchronizedList(new ArrayList<>());
  final StsActivities sts = mock(StsActivities.class, readOnly());
  final SecretsActivities secrets = mock(SecretsActivities.class, readOnly());
  final IamActivities iam = mock(IamActivities.class, readOnly());
  final EcsActivities ecs = mock(EcsActivities.class, readOnly());
  final LogsActivities logs = mock(LogsActivities.class, readOnly());
  final AgentCoreActivities agentCore = mock(AgentCoreActivities.class, readOnly());
  final EcrActivities ecr = mock(EcrActivities.class, readOnly());
  final HealthActivities health = mock(HealthActivities.class, readOnly());
  final OwnershipActivities ownership = mock(OwnershipActivities.class, readOnly());

  /** Live resources by the name their describe looks them up with. */
  final Map<String, Observed> live = new ConcurrentHashMap<>();
  /** {@code method:resource} of every describe and STS call, in call order. */
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  FakeLive() {
    doAnswer(i -> {
      calls.add("callerIdentity:" + ACCOUNT);
      return new CallerIdentity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/dev");
    }).when(sts).callerIdentity(any());
    doAnswer(i -> new OwnershipReport(0, 0)).when(ownership).checkOwnership(any());
    doAnswer(i -> new ImageArchitecture(ImageArchitecture.Verdict.AMD64, List.of("amd64"), "ok"))
        .when(ecr).checkImageArchitecture(any());
    doAnswer(i -> look("describeSecret", i.getArgument(0))).when(secrets).describeSecret(any());
    doAnswer(i -> look("describeRole", i.getArgument(0))).when(iam).describeRole(any());
    doAnswer(i -> look("describeCluster", i.getArgument(0))).when(ecs).describeCluster(any());
    doAnswer(i -> look("describeService", i.getArgument(0))).when(ecs).describeService(any());
    doAnswer(i -> look("describeLogGroup", i.getArgument(0))).when(logs).describeLogGroup(any());
    doAnswer(i -> look("describeApiKeyProvider", i.getArgument(0))).when(agentCore).describeApiKeyProvider(any());
    doAnswer(i -> look("describeHarness", i.getArgument(0))).when(agentCore).describeHarness(any());
  }

  private org.mockito.MockSettings readOnly() {
    return withSettings().withoutAnnotations().defaultAnswer(i -> {
      if (i.getMethod().getDeclaringClass() == Object.class) {
        return org.mockito.Answers.RETURNS_DEFAULTS.answer(i);
      }
      writes.add(i.getMethod().getName());
      throw ApplicationFailure.newNonRetryableFailure("read-only fake: " + i.getMethod().getName(), "AccessDenied");
    });
  }

  Object[] all() {
    return new Object[] {sts, secrets, iam, ecs, logs, agentCore, ecr, health, ownership};
  }

  /** What a deploy of {@code req} leaves: every resource of its graph, in sync. */
  FakeLive seed(DeployRequest req) {
    Scope scope = new Scope(req.key(), "seed-run", req.assumeRole());
    Map<String, Object> outputs = new HashMap<>();
    Map<String, Observed> observed = new HashMap<>();
    outputs.put(EcsTopology.PREFLIGHT, new CallerIdentity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/dev"));
    for (Node n : EcsTopology.graph(Settings.forDeploy(req, scope, null)).nodes()) {
      if (n.desired() != null) {
        Map<String, Object> desired = n.desired().run(Step.ensuring(n, outputs, null));
        if (desired.isEmpty()) {
          continue;
        }
        Observed o = observe(n, desired, scope);
        live.put(n.name(), o);
        observed.put(n.id(), o);
      }
      if (n.recall() != null && !n.id().equals(EcsTopology.PREFLIGHT)) {
        outputs.put(n.id(), n.recall().run(Step.recalling(n, outputs, observed)));
      }
    }
    return this;
  }

  /** Replaces one property of a live resource, as an out-of-band edit would. */
  void edit(String name, String property, Object value) {
    Observed o = live.get(name);
    Map<String, Object> p = new LinkedHashMap<>(o.properties());
    if (value == null) {
      p.remove(property);
    } else {
      p.put(property, value);
    }
    live.put(name, new Observed(o.exists(), o.status(), o.tags(), p));
  }

  void retag(String name, Map<String, String> tags) {
    Observed o = live.get(name);
    live.put(name, new Observed(o.exists(), o.status(), tags, o.properties()));
  }

  long describes() {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith("describe")).count();
    }
  }

  private Observed look(String method, Lookup lookup) {
    calls.add(method + ":" + lookup.id());
    Observed o = live.get(lookup.id());
    return o == null ? Observed.missing() : o;
  }

  private static Observed observe(Node n, Map<String, Object> desired, Scope scope) {
    Map<String, Object> p = new TreeMap<>(desired);
    String status = (String) p.remove("status");
    @SuppressWarnings("unchecked")
    Map<String, String> tags = new TreeMap<>((Map<String, String>) p.remove("tags"));
    tags.put(Names.TAG_RUN, scope.runId());
    p.put("arn", "arn:aws:" + n.kind() + ":us-east-1:" + ACCOUNT + ":" + n.name());
    p.putIfAbsent("name", n.name());
    if (n.id().equals(EcsTopology.SECRET)) {
      p.put("keys", List.of(Names.KEY_CLIENT_ID, Names.KEY_CLIENT_SECRET));
      p.put("currentVersionId", "v-1");
    }
    if (n.id().equals(EcsTopology.SERVICE)) {
      p.put("endpoint", ENDPOINT);
    }
    return new Observed(true, status, tags, p);
  }
}
