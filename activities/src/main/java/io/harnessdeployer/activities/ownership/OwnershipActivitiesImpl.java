package io.harnessdeployer.activities.ownership;

import io.harnessdeployer.activities.agentcore.AgentCoreActivitiesImpl;
import io.harnessdeployer.activities.agentcore.GatewayActivitiesImpl;
import io.harnessdeployer.activities.cognito.CognitoActivitiesImpl;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.ecs.EcsActivitiesImpl;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.workflows.steps.OwnershipActivities;
import io.harnessdeployer.workflows.steps.OwnershipCheck;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.OwnershipReport;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preflight's ownership check: the tags of every claimed resource, through the same lookups the
 * ensures use (GetRole, DescribeSecret, DescribeClusters with TAGS, …), judged by the same {@link
 * Ownership} rules. Reads only; one failure lists every conflict.
 */
public final class OwnershipActivitiesImpl implements OwnershipActivities {
  private static final Logger log = LoggerFactory.getLogger(OwnershipActivitiesImpl.class);

  private final IamActivitiesImpl iam;
  private final SecretsActivitiesImpl secrets;
  private final LogsActivitiesImpl logs;
  private final EcsActivitiesImpl ecs;
  private final AgentCoreActivitiesImpl agentCore;
  private final CognitoActivitiesImpl cognito;
  private final GatewayActivitiesImpl gateway;

  public OwnershipActivitiesImpl(IamActivitiesImpl iam, SecretsActivitiesImpl secrets, LogsActivitiesImpl logs,
      EcsActivitiesImpl ecs, AgentCoreActivitiesImpl agentCore, CognitoActivitiesImpl cognito,
      GatewayActivitiesImpl gateway) {
    this.iam = iam;
    this.secrets = secrets;
    this.logs = logs;
    this.ecs = ecs;
    this.agentCore = agentCore;
    this.cognito = cognito;
    this.gateway = gateway;
  }

  @Override
  public OwnershipReport checkOwnership(OwnershipCheck check) {
    Scope scope = check.scope();
    List<String> conflicts = new ArrayList<>();
    int live = 0;
    for (OwnershipClaim claim : check.claims()) {
      Optional<Map<String, String>> tags = tags(scope, claim);
      if (tags.isPresent()) {
        live++;
        Ownership.conflict(scope, claim, tags.get()).ifPresent(conflicts::add);
      }
    }
    if (!conflicts.isEmpty()) {
      log.warn("deployment {}: {} ownership conflicts in preflight", scope.deployment(), conflicts.size());
      throw Ownership.conflicts(conflicts);
    }
    log.info("deployment {}: {} resources checked, {} live and adoptable", scope.deployment(),
        check.claims().size(), live);
    return new OwnershipReport(check.claims().size(), live);
  }

  private Optional<Map<String, String>> tags(Scope scope, OwnershipClaim claim) {
    try {
      return switch (claim.kind()) {
        case SECRET, BYO_SECRET -> secrets.liveTags(scope, claim.name());
        case TASK_EXECUTION_ROLE, INFRASTRUCTURE_ROLE, HARNESS_ROLE, RUNTIME_ROLE, GATEWAY_ROLE ->
            iam.liveTags(claim.name());
        case CLUSTER -> ecs.clusterTags(scope, claim.name());
        case LOG_GROUP -> logs.liveTags(scope, claim.name());
        case SERVICE -> ecs.serviceTags(scope, claim.name(), claim.within());
        case API_KEY_PROVIDER -> agentCore.providerTags(scope, claim.name());
        case HARNESS -> agentCore.harnessTags(scope, claim.name());
        // the parts Cognito and AgentCore cannot tag answer with their container's tags (claim.within())
        case USER_POOL -> cognito.poolTags(scope, claim.name());
        case RESOURCE_SERVER -> cognito.resourceServerTags(scope, claim.within(), claim.name());
        case APP_CLIENT -> cognito.appClientTags(scope, claim.within(), claim.name());
        case USER_POOL_DOMAIN -> cognito.domainTags(scope, claim.name());
        case OAUTH2_PROVIDER -> gateway.oauth2ProviderTags(scope, claim.name());
        case RUNTIME -> gateway.runtimeTags(scope, claim.name());
        case GATEWAY -> gateway.gatewayTags(scope, claim.name());
        case GATEWAY_TARGET -> gateway.targetTags(scope, claim.within(), claim.name());
      };
    } catch (RuntimeException e) {
      if (e instanceof io.temporal.failure.ApplicationFailure f) {
        throw f;
      }
      throw AwsFailures.classify("ownership check of " + claim.describe(), e);
    }
  }
}
