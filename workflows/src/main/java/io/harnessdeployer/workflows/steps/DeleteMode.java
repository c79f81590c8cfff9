package io.harnessdeployer.workflows.steps;

/** Which tag a delete requires before it touches a resource. */
public enum DeleteMode {
  /** Rollback of a deploy: only what carries this run's run tag (and the deployment tag). */
  THIS_RUN,
  /** Destroy: anything carrying this deployment's tag, whichever run created it. */
  DEPLOYMENT
}
