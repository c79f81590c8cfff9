package io.harnessdeployer.workflows.adopt;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How adopt judges a resource by its tags. The deployment tag decides: ours → nothing to do,
 * another's → refused; none → taken over, except a cluster the original tool did not create (no
 * {@code managed-by} tag: spec §9.7 never deletes it, so neither does anything adopt tags).
 */
public final class AdoptRules {
  private AdoptRules() {}

  public static AdoptFinding missing(AdoptTarget target) {
    return new AdoptFinding(target, AdoptVerdict.MISSING, null, null, "not found: nothing to take over");
  }

  public static AdoptFinding verdict(Scope scope, AdoptTarget target, String arn, Map<String, String> tags) {
    String owner = tags.get(Names.TAG_DEPLOYMENT);
    String ours = scope.deployment().tagValue();
    if (ours.equals(owner)) {
      return new AdoptFinding(target, AdoptVerdict.ALREADY_OURS, arn, null, "carries the tag of " + ours + " already");
    }
    if (owner != null) {
      return new AdoptFinding(target, AdoptVerdict.REFUSED, arn, owner,
          "belongs to deployment " + owner + ": refused");
    }
    if (target.kind() == AdoptKind.ECS_CLUSTER
        && !Names.TAG_MANAGED_BY_VALUE.equals(tags.get(Names.TAG_MANAGED_BY))) {
      return new AdoptFinding(target, AdoptVerdict.LEFT_ALONE, arn, null,
          "pre-existing cluster the original tool did not create: left untagged, never deleted");
    }
    return new AdoptFinding(target, AdoptVerdict.WILL_TAG, arn, null,
        "found untagged: will tag for " + ours);
  }

  /** What adopt adds: the standard tags and the deployment tag; no run tag (no run created it). */
  public static Map<String, String> tags(Scope scope) {
    Map<String, String> tags = new LinkedHashMap<>(scope.tags());
    tags.remove(Names.TAG_RUN);
    return tags;
  }
}
