package io.harnessdeployer.workflows.plan;

/** What a deploy would do to one resource. */
public enum PlanAction {
  CREATE,
  UPDATE,
  /** Exists untagged where its kind's ownership rule lets the deploy take it over. */
  ADOPT,
  NO_OP,
  /** Exists, but not ours to change: the deploy would refuse before its first write. */
  CONFLICT
}
