package io.harnessdeployer.activities.discovery;

import io.harnessdeployer.activities.ecs.EcsTags;

import io.harnessdeployer.activities.agentcore.HarnessHttpClient;
import io.harnessdeployer.activities.agentcore.HarnessPage;
import io.harnessdeployer.activities.agentcore.HarnessSummary;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.DiscoveryActivities;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TagSearch;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.TaggedService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;

/**
 * Lists, per kind, the resources that carry this deployment's tag, with the list APIs only: IAM
 * ListRoles (then ListRoleTags for roles that trust one of our three services), Secrets Manager
 * ListSecrets (filtered by the tag, checked exactly), CloudWatch Logs DescribeLogGroups +
 * ListTagsForResource, ECS ListClusters + DescribeClusters and ListServices +
 * DescribeExpressGatewayService, AgentCore ListApiKeyCredentialProviders and ListHarnesses +
 * ListTagsForResource. Read-only, so retrying it is harmless.
 */
public final class DiscoveryActivitiesImpl implements DiscoveryActivities {
  private static final Logger log = LoggerFactory.getLogger(DiscoveryActivitiesImpl.class);
  /** DescribeClusters takes at most 100 clusters. */
  private static final int DESCRIBE_CLUSTERS_BATCH = 100;
  private static final int HARNESS_PAGE = 100;

  private final IamClient iam;
  private final Regional<SecretsManagerClient> secrets;
  private final Regional<CloudWatchLogsClient> logs;
  private final Regional<EcsClient> ecs;
  private final Regional<BedrockAgentCoreControlClient> agentCore;
  private final Regional<HarnessHttpClient> harnesses;

  public DiscoveryActivitiesImpl(IamClient iam, Regional<SecretsManagerClient> secrets,
      Regional<CloudWatchLogsClient> logs, Regional<EcsClient> ecs, Regional<BedrockAgentCoreControlClient> agentCore,
      Regional<HarnessHttpClient> harnesses) {
    this.iam = iam;
    this.secrets = secrets;
    this.logs = logs;
    this.ecs = ecs;
    this.agentCore = agentCore;
    this.harnesses = harnesses;
  }

  @Override
  public TaggedResources findTagged(TagSearch input) {
    Scope scope = input.scope();
    String region = scope.region();
    Map<RoleKind, List<String>> roles = call("IAM ListRoles", () -> roles(scope));
    List<String> clusters = call("ECS ListClusters", () -> clusters(ecs.in(region), scope));
    Set<String> searched = new LinkedHashSet<>(clusters);
    if (input.clusters() != null) {
      searched.addAll(input.clusters());
    }
    TaggedResources found = new TaggedResources(
        roles.get(RoleKind.HARNESS), roles.get(RoleKind.TASK_EXECUTION), roles.get(RoleKind.INFRASTRUCTURE),
        call("Secrets Manager ListSecrets", () -> secrets(secrets.in(region), scope)),
        call("CloudWatch Logs DescribeLogGroups", () -> logGroups(logs.in(region), scope)),
        clusters,
        call("ECS ListServices", () -> services(ecs.in(region), scope, searched)),
        call("AgentCore ListApiKeyCredentialProviders", () -> providers(agentCore.in(region), scope)),
        call("AgentCore ListHarnesses", () -> harnesses(harnesses.in(region), agentCore.in(region), scope)));
    log.info("tagged for {}: {}", scope.deployment(), found);
    return found;
  }

  private Map<RoleKind, List<String>> roles(Scope scope) {
    Map<RoleKind, Set<String>> found = new EnumMap<>(RoleKind.class);
    for (RoleKind kind : RoleKind.values()) {
      found.put(kind, new TreeSet<>());
    }
    for (Role role : iam.listRolesPaginator(r -> r.build()).roles()) {
      Optional<RoleKind> kind = RoleKind.of(role.assumeRolePolicyDocument());
      if (kind.isEmpty()) {
        continue; // not a role of ours: its tags are not worth a call
      }
      Map<String, String> tags = new HashMap<>();
      iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags().forEach(t -> tags.put(t.key(), t.value()));
      if (scope.ownsDeployment(tags)) {
        found.get(kind.get()).add(role.roleName());
      }
    }
    Map<RoleKind, List<String>> out = new EnumMap<>(RoleKind.class);
    found.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  /** The tag filters match by prefix and key and value independently: the pair is checked exactly. */
  private static List<String> secrets(SecretsManagerClient client, Scope scope) {
    Set<String> names = new TreeSet<>();
    client.listSecretsPaginator(r -> r.filters(
            Filter.builder().key(FilterNameStringType.TAG_KEY).values(Names.TAG_DEPLOYMENT).build(),
            Filter.builder().key(FilterNameStringType.TAG_VALUE).values(scope.deployment().tagValue()).build()))
        .stream().flatMap(page -> page.secretList().stream()).forEach(s -> {
          Map<String, String> tags = new HashMap<>();
          s.tags().forEach(t -> tags.put(t.key(), t.value()));
          if (scope.ownsDeployment(tags)) {
            names.add(s.name());
          }
        });
    return List.copyOf(names);
  }

  private static List<String> logGroups(CloudWatchLogsClient client, Scope scope) {
    Set<String> names = new TreeSet<>();
    for (LogGroup group : client.describeLogGroupsPaginator(r -> r.build()).logGroups()) {
      String arn = arn(group);
      if (scope.ownsDeployment(client.listTagsForResource(r -> r.resourceArn(arn)).tags())) {
        names.add(group.logGroupName());
      }
    }
    return List.copyOf(names);
  }

  /** The ARN without the {@code :*} suffix DescribeLogGroups' {@code arn} carries. */
  private static String arn(LogGroup group) {
    if (group.logGroupArn() != null) {
      return group.logGroupArn();
    }
    String arn = group.arn();
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  private static List<String> clusters(EcsClient client, Scope scope) {
    List<String> arns = new ArrayList<>();
    client.listClustersPaginator(r -> r.build()).clusterArns().forEach(arns::add);
    Set<String> names = new TreeSet<>();
    for (int from = 0; from < arns.size(); from += DESCRIBE_CLUSTERS_BATCH) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_CLUSTERS_BATCH));
      client.describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS)).clusters().stream()
          .filter(c -> "ACTIVE".equals(c.status()) && scope.ownsDeployment(EcsTags.of(c.tags())))
          .forEach(c -> names.add(c.clusterName()));
    }
    return List.copyOf(names);
  }

  /** Services are looked for in the given clusters only: ECS lists them per cluster. */
  private static List<TaggedService> services(EcsClient client, Scope scope, Set<String> clusters) {
    List<TaggedService> found = new ArrayList<>();
    for (String cluster : clusters) {
      List<String> arns = new ArrayList<>();
      try {
        client.listServicesPaginator(r -> r.cluster(cluster)).serviceArns().forEach(arns::add);
      } catch (SdkException e) {
        if (AwsFailures.hasCode(e, "ClusterNotFoundException")) {
          continue; // the named cluster does not exist (or is INACTIVE): nothing runs in it
        }
        throw e;
      }
      for (String arn : arns) {
        describe(client, arn).filter(s -> scope.ownsDeployment(EcsTags.of(s.tags())))
            .ifPresent(s -> found.add(new TaggedService(cluster, arn.substring(arn.lastIndexOf('/') + 1))));
      }
    }
    found.sort(Comparator.comparing(TaggedService::cluster).thenComparing(TaggedService::name));
    return List.copyOf(found);
  }

  /** Empty for a service that is not an Express one, or gone since it was listed. */
  private static Optional<ECSExpressGatewayService> describe(EcsClient client, String arn) {
    try {
      return Optional.of(client.describeExpressGatewayService(r -> r.serviceArn(arn)
          .include(ExpressGatewayServiceInclude.TAGS)).service());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException", "ServiceNotFoundException",
          "InvalidParameterException", "ClientException")) {
        return Optional.empty();
      }
      throw e;
    }
  }


  private static List<String> providers(BedrockAgentCoreControlClient client, Scope scope) {
    Set<String> names = new TreeSet<>();
    client.listApiKeyCredentialProvidersPaginator(r -> r.build()).credentialProviders().forEach(p -> {
      if (scope.ownsDeployment(client.listTagsForResource(r -> r.resourceArn(p.credentialProviderArn())).tags())) {
        names.add(p.name());
      }
    });
    return List.copyOf(names);
  }

  /** DELETING harnesses are left out: their delete is already under way. */
  private static List<String> harnesses(HarnessHttpClient api, BedrockAgentCoreControlClient control, Scope scope) {
    Set<String> names = new TreeSet<>();
    String token = null;
    do {
      HarnessPage page = api.listHarnesses(HARNESS_PAGE, token);
      for (HarnessSummary h : page.harnesses()) {
        if (!"DELETING".equals(h.status())
            && scope.ownsDeployment(control.listTagsForResource(r -> r.resourceArn(h.arn())).tags())) {
          names.add(h.harnessName());
        }
      }
      token = page.nextToken();
    } while (token != null);
    return List.copyOf(names);
  }

  private static <T> T call(String action, Supplier<T> list) {
    try {
      return list.get();
    } catch (RuntimeException e) {
      throw AwsFailures.classify("find tagged resources: " + action, e);
    }
  }
}
