package io.harnessdeployer.client.adopt;

import io.harnessdeployer.workflows.adopt.AdoptFinding;
import io.harnessdeployer.workflows.adopt.AdoptReport;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.harnessdeployer.workflows.adopt.AdoptStatus;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import io.harnessdeployer.workflows.adopt.AdoptTargets;
import io.harnessdeployer.workflows.adopt.AdoptVerdict;
import io.harnessdeployer.workflows.adopt.AdoptWorkflow;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.temporal.workflow.Workflow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the adopt contract for CLI tests over the request's real targets, steered by the deployment
 * name: {@code refuse…} finds the service tagged for us-east-1/other; {@code ours…} finds
 * everything already ours; {@code invalid…} is rejected as input; anything else finds everything
 * untagged, and an apply tags it.
 */
public class FakeAdoptWorkflow implements AdoptWorkflow {
  /** Every run's request by run id, in start order (a replay finds its run id there already). */
  static final Map<String, AdoptRequest> STARTED = Collections.synchronizedMap(new LinkedHashMap<>());

  /** The requests of every adopt run of {@code key}, oldest first. */
  static List<AdoptRequest> startedWith(DeploymentKey key) {
    synchronized (STARTED) {
      return STARTED.values().stream().filter(r -> r.key().equals(key)).toList();
    }
  }

  @Override
  public AdoptReport adopt(AdoptRequest request) {
    STARTED.putIfAbsent(Workflow.getInfo().getRunId(), request);
    String name = request.deploymentName();
    String tag = request.key().tagValue();
    if (name.startsWith("invalid")) {
      throw ApplicationFailure.newNonRetryableFailure("rejected by the workflow", FailureTypes.VALIDATION);
    }
    List<AdoptFinding> found = AdoptTargets.of(request).stream().map(t -> finding(t, name, tag)).toList();
    List<String> notes = AdoptTargets.notes(request);
    if (found.stream().anyMatch(f -> f.verdict() == AdoptVerdict.REFUSED)) {
      return new AdoptReport(tag, AdoptStatus.REFUSED, found, notes);
    }
    if (!request.apply()) {
      return new AdoptReport(tag, AdoptStatus.PLANNED, found, notes);
    }
    if (request.confirmed() == null || !request.confirmed().equals(found)) {
      return new AdoptReport(tag, AdoptStatus.PLAN_CHANGED, found, notes);
    }
    return new AdoptReport(tag, AdoptStatus.ADOPTED, found.stream()
        .map(f -> f.with(AdoptVerdict.TAGGED, "tagged for " + tag)).toList(), notes);
  }

  private static AdoptFinding finding(AdoptTarget t, String name, String tag) {
    String arn = "arn:test:" + t.kind().label() + ":" + t.name();
    if (name.startsWith("refuse") && t.step().equals("service")) {
      return new AdoptFinding(t, AdoptVerdict.REFUSED, arn, "us-east-1/other", "belongs to deployment us-east-1/other: refused");
    }
    if (name.startsWith("ours")) {
      return new AdoptFinding(t, AdoptVerdict.ALREADY_OURS, arn, null, "already tagged for " + tag);
    }
    return new AdoptFinding(t, AdoptVerdict.WILL_TAG, arn, null, "found untagged: will tag for " + tag);
  }
}
