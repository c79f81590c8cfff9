package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * A client-credentials app client with a secret (spec §3 step 6.3).
 *
 * @param scopes the allowed OAuth scopes, {@code <identifier>/<scope>}
 */
public record AppClientSpec(Scope scope, String userPoolId, String clientName, List<String> scopes) {
  public AppClientSpec {
    scopes = List.copyOf(scopes);
  }
}
