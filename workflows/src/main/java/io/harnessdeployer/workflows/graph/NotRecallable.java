package io.harnessdeployer.workflows.graph;

/** A {@link Node.Recall} found no output in what is live; dependents are not checked. */
public final class NotRecallable extends RuntimeException {
  /** @param why completes "service-active, which …": {@code has no public endpoint} */
  public NotRecallable(String why) {
    super(why, null, false, false);
  }
}
