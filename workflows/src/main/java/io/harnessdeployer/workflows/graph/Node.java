package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import java.util.List;
import java.util.Map;

/**
 * One node of a topology's resource graph: a resource (it has a delete) or a check (a wait or a
 * probe, which has none). Deploy runs {@link #ensure} once every node in {@link #needs} is done;
 * rollback and destroy run the same {@link #delete}, in THIS_RUN and DEPLOYMENT mode.
 *
 * @param kind report kind ({@code iam-role}, {@code ecs-service} …); null for checks
 * @param name the resource's name as destroy looks it up (a family, for task definitions)
 * @param needs the nodes whose outputs {@link #ensure} reads; it may read no others
 * @param keptBy the destroy flag that keeps this resource ({@code --keep-ecs} …), or null
 * @param ensure null when deploy does not ensure it itself (task definitions come with the service)
 * @param delete null for checks
 * @param undoneWith for an implicit resource, the node whose creation made it: rollback undoes it
 *     right after that node, destroy deletes it once that node's delete has ended
 * @param describe read-only look at the live resource, for drift checks and plan; null for checks
 * @param desired what the resource should look like, compared with {@link Observed#comparable()}
 *     by {@link Compare#diff}; null for checks
 * @param claim the live resource its ensure adopts or creates, with its kind's ownership rule, for
 *     the preflight check; null for checks and for resources no ensure of ours touches
 * @param recall read-only: what {@link #ensure} would output, from what is live, so drift and plan
 *     can compute the desired state of the nodes that need this one; null: nothing to recall
 */
public record Node(
    String id,
    String title,
    String kind,
    String name,
    List<String> needs,
    String keptBy,
    Ensure ensure,
    Delete delete,
    String undoneWith,
    Describe describe,
    Desired desired,
    OwnershipClaim claim,
    Recall recall) {

  /** Ensures the resource (or runs the check); idempotent, so a RETRY simply runs it again. */
  @FunctionalInterface
  public interface Ensure {
    Ensured run(Step step);
  }

  /** Deletes what the step's mode allows; "not found" is success. */
  @FunctionalInterface
  public interface Delete {
    Done run(Step step);
  }

  /** Reads the live resource with read-only activities only; a missing one is not an error. */
  @FunctionalInterface
  public interface Describe {
    Observed run(Step step);
  }

  /**
   * The desired state, built only from the settings and the outputs of {@link #needs} (read with
   * {@link Step#input}, as {@link Ensure} does): pure, no activity.
   */
  @FunctionalInterface
  public interface Desired {
    Map<String, Object> run(Step step);
  }

  /**
   * A resource's recall reads its own {@link Step#observed}; a check's reads its needs' outputs
   * and observations, or read-only activities. Throws {@link NotRecallable} when the live state
   * holds no such output (a service without a public endpoint).
   */
  @FunctionalInterface
  public interface Recall {
    Object run(Step step);
  }

  public boolean isResource() {
    return delete != null;
  }

  public static Builder check(String id, String title) {
    return new Builder(id, title, null, null);
  }

  public static Builder resource(String id, String title, String kind, String name) {
    return new Builder(id, title, kind, name);
  }

  /** A resource its ensure adopts or creates under {@code name}: it claims it by its kind's rule. */
  public static Builder resource(String id, String title, ResourceKind kind, String name) {
    return new Builder(id, title, kind.kind(), name).claim(new OwnershipClaim(kind, name));
  }

  /** Declaration helper: {@code Node.resource(...).needs(...).ensure(...).delete(...)}. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final String kind;
    private final String name;
    private List<String> needs = List.of();
    private String keptBy;
    private String undoneWith;
    private Delete delete;
    private Describe describe;
    private Desired desired;
    private OwnershipClaim claim;
    private Recall recall;

    private Builder(String id, String title, String kind, String name) {
      this.id = id;
      this.title = title;
      this.kind = kind;
      this.name = name;
    }

    public Builder needs(String... ids) {
      needs = List.of(ids);
      return this;
    }

    public Builder needs(List<String> ids) {
      needs = List.copyOf(ids);
      return this;
    }

    public Builder keptBy(String flag) {
      keptBy = flag;
      return this;
    }

    public Builder undoneWith(String id) {
      undoneWith = id;
      return this;
    }

    public Builder delete(Delete d) {
      delete = d;
      return this;
    }

    public Builder describe(Describe d) {
      describe = d;
      return this;
    }

    public Builder desired(Desired d) {
      desired = d;
      return this;
    }

    public Builder recall(Recall r) {
      recall = r;
      return this;
    }

    /** What the ensure claims, when it is not the node's own name (a service in its cluster); null: nothing. */
    public Builder claim(OwnershipClaim c) {
      claim = c;
      return this;
    }

    public Node ensure(Ensure ensure) {
      return new Node(id, title, kind, name, needs, keptBy, ensure, delete, undoneWith, describe, desired, claim, recall);
    }

    /** A resource deploy does not ensure itself, or a row destroy only reports: it claims nothing. */
    public Node deleteOnly(Delete d) {
      return new Node(id, title, kind, name, needs, keptBy, null, d, undoneWith, describe, desired, null, recall);
    }
  }
}
