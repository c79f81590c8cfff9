package io.harnessdeployer.workflows.steps;

/**
 * Input of a read-only describe.
 *
 * @param id the resource's name (or, for a bring-your-own secret, name or ARN)
 * @param within the container it lives in (the cluster, for a service); null otherwise
 */
public record Lookup(Scope scope, String id, String within) {
  public Lookup(Scope scope, String id) {
    this(scope, id, null);
  }
}
