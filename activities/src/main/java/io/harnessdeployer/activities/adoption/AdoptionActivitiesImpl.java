package io.harnessdeployer.activities.adoption;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;

import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.activities.agentcore.HarnessHttpClient;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.adopt.AdoptFinding;
import io.harnessdeployer.workflows.adopt.AdoptKind;
import io.harnessdeployer.workflows.adopt.AdoptLookup;
import io.harnessdeployer.workflows.adopt.AdoptRules;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import io.harnessdeployer.workflows.adopt.AdoptVerdict;
import io.harnessdeployer.workflows.adopt.AdoptionActivities;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@link AdoptionActivities}: each kind of resource through its own {@link Adoptable}. */
public final class AdoptionActivitiesImpl implements AdoptionActivities {
  private static final Logger log = LoggerFactory.getLogger(AdoptionActivitiesImpl.class);

  private final Map<AdoptKind, Adoptable> kinds = new EnumMap<>(AdoptKind.class);

  public AdoptionActivitiesImpl(IamClient iam, Regional<SecretsManagerClient> secrets,
      Regional<CloudWatchLogsClient> logs, Regional<EcsClient> ecs,
      Regional<BedrockAgentCoreControlClient> control, Regional<HarnessHttpClient> harnesses) {
    kinds.put(AdoptKind.IAM_ROLE, new RoleAdoption(iam));
    kinds.put(AdoptKind.SECRET, new SecretAdoption(secrets));
    kinds.put(AdoptKind.LOG_GROUP, new LogGroupAdoption(logs));
    kinds.put(AdoptKind.ECS_CLUSTER, new ClusterAdoption(ecs));
    kinds.put(AdoptKind.ECS_SERVICE, new ServiceAdoption(ecs));
    kinds.put(AdoptKind.API_KEY_PROVIDER, new ProviderAdoption(control));
    kinds.put(AdoptKind.HARNESS, new HarnessAdoption(harnesses, control));
  }

  @Override
  public AdoptFinding inspectForAdoption(AdoptLookup lookup) {
    AdoptTarget t = lookup.target();
    return call("inspect", t, () -> judge(lookup, find(lookup)));
  }

  @Override
  public AdoptFinding tagForAdoption(AdoptLookup lookup) {
    AdoptTarget t = lookup.target();
    return call("tag", t, () -> {
      Optional<Found> found = find(lookup);
      AdoptFinding f = judge(lookup, found);
      if (f.verdict() == AdoptVerdict.REFUSED) {
        throw AwsFailures.failure(CONFLICT, what(t) + " was tagged for deployment " + f.owner()
            + " after the plan: nothing more is tagged; run adopt again");
      }
      if (f.verdict() != AdoptVerdict.WILL_TAG) {
        return f;
      }
      kinds.get(t.kind()).tag(lookup.scope().region(), found.get(), AdoptRules.tags(lookup.scope()));
      log.info("{} {}: tagged for {}", what(t), f.arn(), lookup.scope().deployment());
      return f.with(AdoptVerdict.TAGGED, "tagged for " + lookup.scope().deployment().tagValue());
    });
  }

  private Optional<Found> find(AdoptLookup lookup) {
    return kinds.get(lookup.target().kind()).find(lookup.scope().region(), lookup.target());
  }

  private static AdoptFinding judge(AdoptLookup lookup, Optional<Found> found) {
    return found.map(f -> AdoptRules.verdict(lookup.scope(), lookup.target(), f.arn(), f.tags()))
        .orElseGet(() -> AdoptRules.missing(lookup.target()));
  }

  private interface Call {
    AdoptFinding run();
  }

  private static AdoptFinding call(String action, AdoptTarget t, Call call) {
    try {
      return call.run();
    } catch (SdkException | HarnessApiException e) {
      throw AwsFailures.classify("adopt: " + action + " " + what(t), e);
    }
  }

  private static String what(AdoptTarget t) {
    return t.kind().label() + " " + t.name() + (t.within() == null ? "" : " in cluster " + t.within());
  }
}
