package io.harnessdeployer.client.live;

import io.harnessdeployer.activities.agentcore.AgentCoreActivitiesImpl;
import io.harnessdeployer.activities.agentcore.AgentRuntimes;
import io.harnessdeployer.activities.agentcore.Gateways;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.cognito.Pools;
import io.harnessdeployer.activities.discovery.DiscoveryActivitiesImpl;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.GatewayNames;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TagSearch;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.TaggedService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A deployment's resources as AWS holds them, for {@code status} once Temporal has no run of it:
 * what carries our ownership tag (destroy's discovery), plus what has the deployment's
 * names (the gateway topology's Runtime, Gateway and Cognito parts are found by name only).
 * Read-only; a resource that is not there, or whose delete is under way (a harness DELETING, a
 * cluster INACTIVE, a secret scheduled for deletion), is left out.
 */
public final class FoundResources {
  /** No lifecycle status of its own: the describe found it. */
  public static final String EXISTS = "EXISTS";
  /** Never a run id: the scope only carries the deployment whose tag is looked for. */
  private static final String NO_RUN = "status";

  /** @param id the ARN, else the id AWS gave it; null when the name is all there is */
  public record Found(String kind, String name, String id, String state) {}

  private FoundResources() {}

  /** @param n the names deploy would give it here (its flags aside: settings, else defaults) */
  public static List<Found> find(AwsClients aws, DeploymentKey key, ResourceNames n) {
    GatewayNames g = n.gateway();
    Scope scope = new Scope(key, NO_RUN);
    String region = key.region();
    TaggedResources t = new DiscoveryActivitiesImpl(aws.iam(), aws::secrets, aws::logs, aws::ecs, aws::agentCore,
        aws::harness).findTagged(new TagSearch(scope, List.of(n.cluster())));
    List<Found> out = new ArrayList<>();
    each(out, t.harnesses(), n.harness(), name -> AgentCoreActivitiesImpl.byName(aws.harness(region), name)
        .filter(h -> !"DELETING".equals(h.status())).map(h -> new Found("harness", name, h.arn(), h.status())));
    Set<String> roles = new LinkedHashSet<>();
    List.of(t.harnessRoles(), t.taskExecutionRoles(), t.infrastructureRoles()).forEach(roles::addAll);
    roles.addAll(List.of(n.harnessRole(), n.taskExecutionRole(), n.infrastructureRole(), g.runtimeRole(), g.gatewayRole()));
    each(out, roles, null, name -> AwsFailures.unlessNotFound(() -> aws.iam().getRole(r -> r.roleName(name)).role())
        .map(r -> new Found("iam-role", name, r.arn(), EXISTS)));
    each(out, t.tokenVaultProviders(), n.apiKeyProvider(), name -> AwsFailures.unlessNotFound(() -> aws.agentCore(region)
        .getApiKeyCredentialProvider(r -> r.name(name))).map(p -> new Found("api-key-provider", name,
            p.credentialProviderArn(), EXISTS)));
    each(out, t.secrets(), n.secret(), name -> AwsFailures.unlessNotFound(() -> aws.secrets(region).describeSecret(r -> r.secretId(name)))
        .filter(s -> s.deletedDate() == null).map(s -> new Found("secret", name, s.arn(), EXISTS)));
    each(out, t.logGroups(), n.logGroup(), name -> aws.logs(region).describeLogGroups(r -> r.logGroupNamePrefix(name))
        .logGroups().stream().filter(l -> name.equals(l.logGroupName())).findFirst()
        .map(l -> new Found("log-group", name, l.logGroupArn() != null ? l.logGroupArn()
            : l.arn() == null ? null : l.arn().replaceFirst(":\\*$", ""), EXISTS)));
    each(out, t.clusters(), n.cluster(), name -> aws.ecs(region).describeClusters(r -> r.clusters(name)).clusters()
        .stream().filter(c -> !"INACTIVE".equals(c.status())).findFirst()
        .map(c -> new Found("ecs-cluster", name, c.clusterArn(), c.status())));
    services(aws, key, t.services(), new TaggedService(n.cluster(), n.service()), out);
    each(out, List.of(), g.runtime(), name -> AgentRuntimes.byName(aws.agentCore(region), name)
        .map(r -> new Found("agent-runtime", name, r.agentRuntimeArn(), r.statusAsString())));
    each(out, List.of(), g.gateway(), name -> Gateways.byName(aws.agentCore(region), name)
        .map(gw -> new Found("gateway", name, gw.gatewayId(), gw.statusAsString())));
    each(out, List.of(), g.oauthProvider(), name -> AwsFailures.unlessNotFound(() -> aws.agentCore(region)
        .getOauth2CredentialProvider(r -> r.name(name))).map(p -> new Found("oauth2-provider", name,
            p.credentialProviderArn(), EXISTS)));
    each(out, List.of(), g.userPool(), name -> Pools.byName(aws.cognito(region), scope, name)
        .map(p -> new Found("user-pool", name, p.arn() != null ? p.arn() : p.id(), EXISTS)));
    return List.copyOf(out);
  }

  /** Each service of the deployment, tagged or named, with its live state as {@code status} shows it. */
  private static void services(AwsClients aws, DeploymentKey key, List<TaggedService> tagged, TaggedService named,
      List<Found> out) {
    Set<TaggedService> all = new LinkedHashSet<>(tagged);
    all.add(named);
    LiveLookup live = new LiveLookup(aws);
    for (TaggedService s : all) {
      List<String> arns = new ArrayList<>();
      try {
        aws.ecs(key.region()).listServicesPaginator(r -> r.cluster(s.cluster())).serviceArns().forEach(arns::add);
      } catch (RuntimeException e) {
        if (AwsFailures.isNotFound(e)) {
          continue; // no such cluster: nothing runs in it
        }
        throw e;
      }
      arns.stream().filter(a -> a.endsWith("/" + s.name())).findFirst().map(a -> live.service(key.region(), a))
          .filter(st -> !"NOT_FOUND".equals(st.status())).ifPresent(st -> out.add(new Found("ecs-service", s.name(),
              st.arn(), st.error() != null ? "unknown (" + st.error() + ")" : st.status())));
    }
  }

  /** Looks up the tagged names and the default one, each once, in that order. */
  private static void each(List<Found> out, Collection<String> tagged, String named,
      Function<String, Optional<Found>> lookup) {
    Set<String> names = new LinkedHashSet<>(tagged);
    if (named != null) {
      names.add(named);
    }
    names.forEach(name -> lookup.apply(name).ifPresent(out::add));
  }
}
