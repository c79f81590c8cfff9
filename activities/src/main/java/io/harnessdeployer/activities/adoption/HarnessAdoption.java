package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.agentcore.Harness;
import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.activities.agentcore.HarnessHttpClient;
import io.harnessdeployer.activities.agentcore.HarnessPage;
import io.harnessdeployer.activities.agentcore.HarnessSummary;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * The harness (the original never tags it): by the state file's {@code harness_id} through
 * GetHarness, else by name through ListHarnesses; one being deleted counts as gone. Its tags and
 * TagResource go through the AgentCore control client, on its ARN.
 */
final class HarnessAdoption implements Adoptable {
  private static final int LIST_PAGE = 100;

  private final Regional<HarnessHttpClient> harnesses;
  private final Regional<BedrockAgentCoreControlClient> control;

  HarnessAdoption(Regional<HarnessHttpClient> harnesses, Regional<BedrockAgentCoreControlClient> control) {
    this.harnesses = harnesses;
    this.control = control;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    Optional<String> arn = target.id() != null ? byId(harnesses.in(region), target.id())
        : byName(harnesses.in(region), target.name());
    return arn.map(a -> new Found(a, AgentCoreTags.of(control.in(region), a)));
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    control.in(region).tagResource(r -> r.resourceArn(found.arn()).tags(tags));
  }

  private static Optional<String> byId(HarnessHttpClient api, String id) {
    try {
      Harness h = api.getHarness(id);
      return "DELETING".equals(h.status()) ? Optional.empty() : Optional.of(h.arn());
    } catch (HarnessApiException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Optional<String> byName(HarnessHttpClient api, String name) {
    String token = null;
    do {
      HarnessPage page = api.listHarnesses(LIST_PAGE, token);
      for (HarnessSummary h : page.harnesses()) {
        if (name.equals(h.harnessName()) && !"DELETING".equals(h.status())) {
          return Optional.of(h.arn());
        }
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.empty();
  }
}
