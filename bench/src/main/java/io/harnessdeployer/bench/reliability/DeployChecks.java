package io.harnessdeployer.bench.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cli and operators sections check of an ecs deploy, by the emulator's request log and
 * resources and by {@code client status}: creates per resource by its exact name (so deployments
 * whose names contain each other, rel-o1 and rel-o10, never count each other's), held calls, runs.
 */
final class DeployChecks {
  static final String REGION = Lane.REGION;
  static final Duration CLIENT_LINE = Duration.ofSeconds(180);
  static final Duration OPERATION = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ATTACHED = Pattern.compile("is already running \\(since \\S+, run ([0-9a-f-]+)\\)");
  private static final Pattern RUN = Pattern.compile("started the deploy of \\S+ \\(workflow \\S+, run ([0-9a-f-]+)\\)");

  /** One create of the ecs topology: its operation and the input value that is the resource's name. */
  record Create(String service, String operation, Function<ResourceNames, String> name) {}

  static final List<Create> ECS_CREATES = List.of(
      new Create(CrashPoints.SM, "CreateSecret", ResourceNames::secret),
      new Create(CrashPoints.IAM, "CreateRole", ResourceNames::taskExecutionRole),
      new Create(CrashPoints.IAM, "CreateRole", ResourceNames::infrastructureRole),
      new Create(CrashPoints.ECS, "CreateCluster", ResourceNames::cluster),
      new Create(CrashPoints.LOGS, "CreateLogGroup", ResourceNames::logGroup),
      new Create(CrashPoints.ECS, "CreateExpressGatewayService", ResourceNames::service),
      new Create(CrashPoints.AC, "CreateApiKeyCredentialProvider", ResourceNames::apiKeyProvider),
      new Create(CrashPoints.IAM, "CreateRole", ResourceNames::harnessRole),
      new Create(CrashPoints.AC, "CreateHarness", ResourceNames::harness));

  private DeployChecks() {}

  static ResourceNames names(String deployment) {
    return ResourceNames.forDeployment(new DeploymentKey(REGION, deployment));
  }

  static String workflowId(String deployment) {
    return new DeploymentKey(REGION, deployment).workflowId();
  }

  /** Successful creates per resource of the deployment, {@code "<operation> <name>"} (0: lost, >1: duplicated). */
  static Map<String, Integer> creates(List<Map<String, Object>> log, String deployment) {
    ResourceNames n = names(deployment);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Create c : ECS_CREATES) {
      String name = c.name().apply(n);
      out.put(c.operation() + " " + name, (int) log.stream()
          .filter(q -> is(q, c.service(), c.operation(), name) && ok(q)).count());
    }
    return out;
  }

  static int lost(Map<String, Integer> creates) {
    return (int) creates.values().stream().filter(v -> v == 0).count();
  }

  /** Successful Create* calls of anything in the log so far. */
  static long anyCreates(List<Map<String, Object>> log) {
    return log.stream().filter(q -> String.valueOf(q.get("operation")).startsWith("Create") && ok(q)).count();
  }

  /** Delete* calls (any answer) of the deployment's resources. */
  static List<String> deletes(List<Map<String, Object>> log, String deployment) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> q : log) {
      String op = String.valueOf(q.get("operation"));
      if (op.startsWith("Delete") && Ledger.mentions(String.valueOf(q.get("parameters")), deployment)) out.add(op);
    }
    return out;
  }

  /** Calls of this operation on this resource (null: any), whatever their answer. */
  static long calls(List<Map<String, Object>> log, String service, String operation, String name) {
    return log.stream().filter(q -> is(q, service, operation, name)).count();
  }

  static boolean is(Map<String, Object> q, String service, String operation, String name) {
    return service.equals(q.get("service")) && operation.equals(q.get("operation"))
        && (name == null || q.get("parameters") instanceof Map<?, ?> p && p.containsValue(name));
  }

  static boolean ok(Map<String, Object> q) {
    int status = ((Number) q.getOrDefault("status", 0)).intValue();
    return status >= 200 && status < 300;
  }

  /**
   * A gate: every call of this operation on this resource fails with a retryable 500 until the
   * fault is removed, so the run is certainly still open (and retrying) while a case acts on it.
   */
  static String gate(Lane lane, String service, String operation, String resource) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("service", service);
    f.put("operation", operation);
    if (resource != null) f.put("resource", resource);
    f.put("errorCode", "InternalFailure");
    f.put("httpStatus", 500);
    return lane.control().addFault(f);
  }

  /** The harness create of this deployment, gated: the last resource of the ecs deploy. */
  static String gateHarness(Lane lane, String deployment) {
    return gate(lane, CrashPoints.AC, "CreateHarness", names(deployment).harness());
  }

  /** Until the gated call was made at least once. */
  static boolean awaitCalled(Lane lane, String service, String operation, String name, Duration timeout) {
    return Poll.until(timeout, () -> calls(lane.control().requests(), service, operation, name) > 0);
  }

  /** The run id of a "started the deploy of … (workflow …, run …)" line, or null. */
  static String startedRun(String stderr) {
    Matcher m = RUN.matcher(stderr);
    return m.find() ? m.group(1) : null;
  }

  /** The run id of an "is already running (since …, run …): following it" line, or null. */
  static String attachedRun(String stderr) {
    Matcher m = ATTACHED.matcher(stderr);
    return m.find() ? m.group(1) : null;
  }

  /** {@code client status --name X --output json}, parsed; an empty map if it printed no JSON. */
  static Map<String, Object> status(Lane lane, String deployment) {
    ClientRun r = lane.client("status", "--name", deployment, "--output", "json");
    try {
      return JSON.readValue(r.stdout(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      return Map.of("unreadable", r.toString());
    }
  }

  /** Destroys the deployment and returns what of it is left (orphans), or a note on why destroy failed. */
  static Cleanup destroy(Lane lane, String deployment) {
    ClientRun r = lane.client("destroy", "--name", deployment, "--yes");
    List<Map<String, Object>> left = Ledger.ours(lane.control().resources(), REGION, deployment);
    return new Cleanup(r.exitCode(), left);
  }

  record Cleanup(int exitCode, List<Map<String, Object>> left) {
    boolean clean() {
      return exitCode == 0 && left.isEmpty();
    }

    String note() {
      return "destroy exit " + exitCode + (left.isEmpty() ? ", nothing left" : ", left " + Ledger.describe(left));
    }
  }
}
