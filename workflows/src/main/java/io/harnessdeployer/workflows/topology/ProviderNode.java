package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import java.util.Map;

/** The Token Vault API-key provider holding the Basic header (built inside the activity). */
final class ProviderNode {
  private final Settings s;

  ProviderNode(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    String name = s.names().apiKeyProvider();
    ResourceRef ref = step.aws(AgentCoreActivities.class, "ensure API-key provider " + name)
        .ensureApiKeyProvider(new ApiKeyProviderSpec(s.scope(), name, s.deploy().credentials()));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  /** Its name and our tags; the key it stores is never read back, so it cannot drift visibly. */
  Map<String, Object> desired(Step step) {
    return DesiredState.of(s.scope(), null, Map.of("name", s.names().apiKeyProvider()));
  }

  Observed describe(Step step) {
    String name = s.names().apiKeyProvider();
    return step.aws(AgentCoreActivities.class, "describe API-key provider " + name)
        .describeApiKeyProvider(new Lookup(s.scope(), name));
  }

  Done delete(Step step) {
    String name = s.names().apiKeyProvider();
    return Done.of(step.delete(AgentCoreActivities.class, "delete API-key provider " + name)
        .deleteApiKeyProvider(new ResourceDelete(s.scope(), step.mode(), name)));
  }
}
