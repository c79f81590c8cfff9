package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.drift.DriftSchedules;
import io.harnessdeployer.client.drift.DriftSchedules.Removed;
import io.harnessdeployer.client.drift.DriftSchedules.Scheduled;
import io.harnessdeployer.client.options.DurationConverter;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.drift.DriftRequest;
import java.time.Duration;

/** {@code drift schedule}, {@code deploy --drift-every} and destroy's unschedule: the same calls and words. */
final class DriftScheduling {
  private DriftScheduling() {}

  /** What {@code drift schedule} prints as its result. */
  record Result(String deployment, String id, String mechanism, String action, String every, boolean heal,
      String runId) {}

  /**
   * Without heal the schedule carries no credentials, sealed or not: a check does not need them.
   * An unattended heal rolls back when it fails, unless {@code --on-failure} was given: a paused
   * one would hold the deployment, and every later check would skip behind it, until someone came.
   */
  static Result schedule(OutputPrinter printer, TemporalConnection conn, DeployRequest deploy, boolean heal,
      Duration every, OnFailure onFailureFlag) {
    DeployRequest stored = !heal ? withoutCredentials(deploy)
        : deploy.toBuilder().onFailure(onFailureFlag == null ? OnFailure.ROLLBACK : onFailureFlag).build();
    Scheduled s = new DriftSchedules(conn).schedule(DriftRequest.once(stored, heal), every);
    String period = DurationConverter.show(every);
    DeploymentKey key = deploy.key();
    if (s.loop()) {
      printer.note("[INFO] this Temporal server has no Schedules (local test server): checking every " + period
          + " in workflow " + s.id() + " instead" + (s.kind() == DriftSchedules.Kind.LOOP_REPLACED
          ? " (it replaces the loop that ran there)" : ""));
    }
    String action = switch (s.kind()) {
      case SCHEDULE_CREATED -> "created";
      case SCHEDULE_UPDATED -> "updated";
      case LOOP_STARTED -> "started";
      case LOOP_REPLACED -> "replaced";
    };
    return new Result(key.toString(), s.id(), s.loop() ? "loop" : "schedule", action, period, heal, s.runId());
  }

  static String line(Result r) {
    return "Drift checks of " + r.deployment() + " every " + r.every() + (r.heal() ? ", healing drift" : "")
        + ": " + r.mechanism() + " " + r.id() + " " + r.action()
        + (r.mechanism().equals("schedule") ? " (overlap skip, pause on failure)" : " (run " + r.runId() + ")");
  }

  /** One line saying what an unschedule did, or that nothing was scheduled. */
  static String describe(Removed r, DeploymentKey key, boolean stopped) {
    if (r.nothing()) {
      return "no drift checks were scheduled for " + key;
    }
    StringBuilder b = new StringBuilder();
    if (r.schedule()) {
      b.append("deleted schedule ").append(r.id());
    }
    if (r.loopRunId() != null) {
      b.append(b.length() > 0 ? "; " : "").append(stopped ? "stopped" : "asked").append(" the check loop ")
          .append(r.id()).append(" (run ").append(r.loopRunId()).append(")")
          .append(stopped ? "" : " to stop after its check in progress");
    }
    if (!r.stoppedChecks().isEmpty()) {
      b.append(b.length() > 0 ? "; " : "").append("stopped the running check ")
          .append(String.join(", ", r.stoppedChecks()));
    }
    return b.append(" (drift checks of ").append(key).append(")").toString();
  }

  static DeployRequest withoutCredentials(DeployRequest r) {
    return new DeployRequest(r.deploymentName(), r.region(), r.topology(), r.names(), r.imageUri(), r.externalMcpUrl(),
        r.modelId(), r.secretMode(), r.byoSecretId(), r.containerEnv(), null, r.onFailure(), r.serviceTimeout(),
        r.iamPropagation(), r.expectedAccount(), r.assumeRole(), r.harness());
  }
}
