package io.harnessdeployer.workflows.adopt;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plan: inspect every resource. Apply: inspect again, and tag only when nothing is refused and
 * the findings are those the person confirmed. Inspecting everything before the first tag means a
 * refusal or a change costs no write.
 */
public class AdoptWorkflowImpl implements AdoptWorkflow {
  @Override
  public AdoptReport adopt(AdoptRequest request) {
    AdoptTargets.validate(request);
    Scope scope = new Scope(request.key(), Workflow.getInfo().getRunId());
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.DEPLOYMENT.valueSet(request.deploymentName()),
        SearchAttributes.REGION.valueSet(request.region()));
    String deployment = request.key().tagValue();
    List<String> notes = AdoptTargets.notes(request);
    List<AdoptFinding> found = new ArrayList<>();
    for (AdoptTarget t : AdoptTargets.of(request)) {
      found.add(activities("inspect " + what(t)).inspectForAdoption(new AdoptLookup(scope, t)));
    }
    if (found.stream().anyMatch(f -> f.verdict() == AdoptVerdict.REFUSED)) {
      return new AdoptReport(deployment, AdoptStatus.REFUSED, found, notes);
    }
    if (!request.apply()) {
      return new AdoptReport(deployment, AdoptStatus.PLANNED, found, notes);
    }
    if (request.confirmed() != null && !samePlan(request.confirmed(), found)) {
      List<String> changed = new ArrayList<>(notes);
      changed.add(0, "what adopt finds now differs from the plan you confirmed: nothing was tagged; run adopt again");
      return new AdoptReport(deployment, AdoptStatus.PLAN_CHANGED, found, changed);
    }
    List<AdoptFinding> done = new ArrayList<>();
    boolean tagged = false;
    for (AdoptFinding f : found) {
      if (f.verdict() != AdoptVerdict.WILL_TAG) {
        done.add(f);
        continue;
      }
      AdoptFinding now = activities("tag " + what(f.target()))
          .tagForAdoption(new AdoptLookup(scope, f.target()));
      // a retried tag finds the resource already ours: this run tagged it all the same
      boolean ours = now.verdict() == AdoptVerdict.TAGGED || now.verdict() == AdoptVerdict.ALREADY_OURS;
      done.add(ours ? now.with(AdoptVerdict.TAGGED, "tagged for " + deployment) : now);
      tagged |= ours;
    }
    return new AdoptReport(deployment, tagged ? AdoptStatus.ADOPTED : AdoptStatus.NOTHING_TO_DO, done, notes);
  }

  /** Same resources, same verdicts, same ARNs: the details may word things differently. */
  static boolean samePlan(List<AdoptFinding> confirmed, List<AdoptFinding> now) {
    if (confirmed.size() != now.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      AdoptFinding a = confirmed.get(i);
      AdoptFinding b = now.get(i);
      if (!Objects.equals(a.target(), b.target()) || a.verdict() != b.verdict() || !Objects.equals(a.arn(), b.arn())) {
        return false;
      }
    }
    return true;
  }

  private static String what(AdoptTarget t) {
    return t.kind().label() + " " + t.name();
  }

  private static AdoptionActivities activities(String summary) {
    return Workflow.newActivityStub(AdoptionActivities.class, StepOptions.awsCall(summary));
  }
}
