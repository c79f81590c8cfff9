package io.harnessdeployer.activities.common;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag rules every ensure and delete applies (see {@link Outcome}, {@link DeleteMode} and
 * {@link OwnershipClaim#mayAdopt}), and the one way a conflict is worded.
 */
public final class Ownership {
  /** What an untagged resource's owner is called in a conflict. */
  public static final String UNTAGGED = "no harness-deployer tag (made by the original tool or by hand)";
  private static final Pattern DEPLOYMENT = Pattern.compile("([a-z]{2}(?:-[a-z]+)+-\\d+)/([A-Za-z0-9][A-Za-z0-9_-]{0,63})");
  private static final int QUOTE_LIMIT = 80;

  private Ownership() {}

  /** Whether a delete in {@code mode} may touch a resource with these tags. */
  public static boolean mayDelete(Scope scope, DeleteMode mode, Map<String, String> tags) {
    return mode == DeleteMode.THIS_RUN ? scope.ownsRun(tags) : scope.ownsDeployment(tags);
  }

  /**
   * Whether a delete may touch a part with no tags of its own (app client, resource server, domain,
   * gateway target) inside a container with these tags: the container must be this deployment's.
   * In THIS_RUN mode too: the part's compensation exists only because this run's ensure created it,
   * even inside a container an earlier run made.
   */
  public static boolean mayDeleteInside(Scope scope, Map<String, String> containerTags) {
    return scope.ownsDeployment(containerTags);
  }

  /** The outcome for a resource that existed: this run's own, else changed or left as it was. */
  public static Outcome existing(Scope scope, Map<String, String> tags, boolean changed) {
    if (scope.ownsRun(tags)) {
      return Outcome.CREATED;
    }
    return changed ? Outcome.UPDATED : Outcome.ADOPTED;
  }

  /** The detail line of a KEPT_NOT_OURS delete. */
  public static String notOurs(DeleteMode mode) {
    return mode == DeleteMode.THIS_RUN
        ? "not created by this run: kept"
        : "not tagged for this deployment: kept";
  }

  /**
   * Why this deployment may not adopt a live resource with these tags, by its kind's rule: one
   * line naming it, its owner and the way out; empty when it may.
   */
  public static Optional<String> conflict(Scope scope, OwnershipClaim claim, Map<String, String> tags) {
    if (claim.mayAdopt(scope, tags)) {
      return Optional.empty();
    }
    String owner = tags.get(Names.TAG_DEPLOYMENT);
    return Optional.of(owner == null ? untagged(scope, claim) : ownedByAnother(scope, claim, owner));
  }

  /** Call before any write to a live resource: a non-retryable CONFLICT unless it may be ours. */
  public static void require(Scope scope, OwnershipClaim claim, Map<String, String> tags) {
    Optional<String> conflict = conflict(scope, claim, tags);
    if (conflict.isPresent()) {
      throw AwsFailures.failure(FailureTypes.CONFLICT, conflict.get());
    }
  }

  /** As {@link #require(Scope, OwnershipClaim, Map)} for a resource that lives in no container. */
  public static void require(Scope scope, ResourceKind kind, String name, Map<String, String> tags) {
    require(scope, new OwnershipClaim(kind, name), tags);
  }

  /** The preflight's one failure for all of them: conflicts as {@link #conflict} words them. */
  public static ApplicationFailure conflicts(List<String> conflicts) {
    StringBuilder m = new StringBuilder("preflight: ").append(conflicts.size())
        .append(conflicts.size() == 1 ? " resource is" : " resources are")
        .append(" not this deployment's, nothing was written:");
    for (int i = 0; i < conflicts.size(); i++) {
      m.append(" (").append(i + 1).append(") ").append(conflicts.get(i));
    }
    return AwsFailures.failure(FailureTypes.CONFLICT, m.toString());
  }

  private static String ownedByAnother(Scope scope, OwnershipClaim claim, String owner) {
    String quoted = quote(owner);
    Matcher key = DEPLOYMENT.matcher(owner);
    String destroy = key.matches()
        ? "destroy " + quoted + " first (destroy --region " + key.group(1) + " --name " + key.group(2) + ")"
        : "destroy that deployment first";
    return claim.describe() + " is owned by deployment " + quoted + ", not " + scope.deployment() + "; "
        + wayOut(claim) + ", or " + destroy;
  }

  private static String untagged(Scope scope, OwnershipClaim claim) {
    return claim.describe() + " has " + UNTAGGED + ", so deployment " + scope.deployment()
        + " may not adopt it; " + wayOut(claim) + ", or take it over with `client adopt`";
  }

  private static String wayOut(OwnershipClaim claim) {
    if (claim.kind() == ResourceKind.BYO_SECRET) {
      return "point " + claim.kind().nameFlag() + " at a secret of your own";
    }
    return "deploy with another --name, set " + claim.kind().nameFlag();
  }

  /** A tag value is anyone's input: control characters escaped, at most 80 characters. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().forEach(c ->
        out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
    return out.length() <= QUOTE_LIMIT ? out.toString() : out.substring(0, QUOTE_LIMIT - 1) + "…";
  }
}
