package io.harnessdeployer.bench;

import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Duration;

/**
 * The shortest a deploy and a destroy of the ecs topology can take on the emulator: the longest
 * chain of the dependency graph, weighted with the latency profile's delays (every AWS call that
 * changes nothing slow counts as zero).
 *
 * <p>Deploy: a role must propagate before ECS accepts a service naming it, the service turns ACTIVE
 * (and only then has the public host the allowed-hosts update needs), the allowed-hosts update rolls
 * out, and only then does the harness point at a serving MCP host and turn READY. The harness role's
 * propagation, the secret, cluster and log group run alongside this chain, never longer than it.
 *
 * <p>Destroy: the harness delete and the service drain are independent and run side by side; the
 * rest (provider, roles, log group, cluster, secret) are quick calls. The cluster and the
 * infrastructure role wait for the drain, which is already on the path.
 */
record CriticalPath(String formula, Duration total) {

  static CriticalPath deploy(LatencyProfile p) {
    Duration total = p.iamPropagation().plus(p.ecsServiceActivate()).plus(p.ecsServiceUpdate())
        .plus(p.harnessCreate());
    String formula = "iam.propagation " + s(p.iamPropagation()) + " + ecs.activate " + s(p.ecsServiceActivate())
        + " + ecs.update " + s(p.ecsServiceUpdate()) + " + harness.create " + s(p.harnessCreate())
        + " = " + s(total);
    return new CriticalPath(formula, total);
  }

  static CriticalPath destroy(LatencyProfile p) {
    Duration total = max(p.harnessDelete(), p.ecsServiceDrain());
    String formula = "max(harness.delete " + s(p.harnessDelete()) + ", ecs.drain " + s(p.ecsServiceDrain())
        + ") = " + s(total);
    return new CriticalPath(formula, total);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static String s(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
