package io.harnessdeployer.workflows.drift;

/** CloudFormation's StackResourceDriftStatus. */
public enum ResourceStatus {
  IN_SYNC,
  MODIFIED,
  DELETED,
  /** Not compared: the graph declares no describe for it, or an input it needs is missing. */
  NOT_CHECKED
}
