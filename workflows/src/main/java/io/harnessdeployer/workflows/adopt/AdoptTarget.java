package io.harnessdeployer.workflows.adopt;

/**
 * One resource adopt looks for.
 *
 * @param step the resource's node id in the topology graph ({@code EcsTopology.SECRET} …)
 * @param name its name (for the harness: the name to find it by when {@code id} is null)
 * @param within the container it lives in: the cluster, for the service; null otherwise
 * @param id the harness id from the original tool's state file, else null
 */
public record AdoptTarget(String step, AdoptKind kind, String name, String within, String id) {
  public static AdoptTarget of(String step, AdoptKind kind, String name) {
    return new AdoptTarget(step, kind, name, null, null);
  }
}
