package io.harnessdeployer.client.adopt;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.ResourceNamesResolver;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.ResourceNameFlags;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.adopt.AdoptRequest;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plan request of {@code adopt}: the deployment key as destroy resolves it, and the original
 * tool's names. Without a state file those are what deploy would resolve (flags, environment,
 * {@code .env}, the original's defaults); with one, the state file's names and region replace
 * them, and a name flag or {@code --region} that disagrees with the file is bad input.
 *
 * @param deployFlags the name flags deploy and destroy need to find the adopted resources: those
 *     whose adopted name differs from what they would resolve by themselves
 */
public record AdoptInputsResolver(ConfigResolver config, Path cwd) {
  public record AdoptInputs(AdoptRequest plan, List<String> deployFlags) {}

  public AdoptInputs resolve(AdoptFlags f, AwsOptions aws, String deploymentFlag) {
    config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").ifPresent(InputChecks::profile);
    // the original's names: the spec defaults, unless a flag or setting says otherwise
    ResourceNames resolved = ResourceNamesResolver.resolve(config, f.names, ResourceNames.defaults());
    ResourceNames names = resolved;
    String harnessId = null;
    boolean ecsHost = true;
    String byoSecret = config.find(ConfigKeys.SECRET_NAME).map(InputChecks::byoSecret).orElse(null);
    Setting region = config.region(aws.region());
    if (f.stateFile() != null) {
      OriginalState state = OriginalState.read(cwd, f.stateFile());
      names = fromState(state, resolved, f.names);
      harnessId = state.get(OriginalState.HARNESS_ID)
          .map(id -> InputChecks.named(new Setting(id, state.display() + " harness_id"), "^[A-Za-z0-9_-]{1,128}$",
              128, "harness id", "the original writes the id CreateHarness returned"))
          .orElse(null);
      ecsHost = !state.externalHost();
      byoSecret = state.secretManagedExternally() ? state.get(OriginalState.SECRET_NAME).orElse(byoSecret) : null;
      region = regionOf(state, region);
    }
    String deployment = InputChecks.deploymentName(deploymentFlag != null
        ? new Setting(deploymentFlag.trim(), "--name") : new Setting(names.harness(), "the harness name"));
    String checkedRegion = InputChecks.region(region);
    // what deploy and destroy of this deployment resolve by themselves (its own names, per deployment)
    ResourceNames deployWould = ResourceNamesResolver.resolve(config, f.names,
        ResourceNames.forDeployment(new io.harnessdeployer.workflows.common.DeploymentKey(checkedRegion, deployment)));
    return new AdoptInputs(AdoptRequest.plan(deployment, checkedRegion, names, harnessId, byoSecret, ecsHost),
        deployFlags(names, deployWould));
  }

  /** The state file's region; {@code --region} (or the environment) must agree with it. */
  private static Setting regionOf(OriginalState state, Setting given) {
    return state.get(OriginalState.REGION).map(r -> {
      if (!given.source().equals("default") && !given.value().equals(r)) {
        throw CliException.badInput("region " + UserText.quote(given.value()) + given.from() + " disagrees with "
            + state.display() + ", which is of region " + UserText.quote(r) + ": drop one");
      }
      return new Setting(r, state.display() + " region");
    }).orElse(given);
  }

  private static ResourceNames fromState(OriginalState state, ResourceNames resolved, ResourceNameFlags flags) {
    Name[] table = {
      new Name(OriginalState.HARNESS_NAME, "--harness-name", flags.harnessName(), ResourceNames::harness,
          s -> InputChecks.harnessName(s)),
      new Name(OriginalState.ROLE_NAME, "--role-name", flags.roleName(), ResourceNames::harnessRole,
          s -> InputChecks.roleName(s, "harness role name")),
      new Name(OriginalState.PROVIDER_NAME, "--credential-provider-name", flags.credentialProviderName(),
          ResourceNames::apiKeyProvider, InputChecks::providerName),
      new Name(OriginalState.CLUSTER, "--ecs-cluster-name", flags.ecsClusterName(), ResourceNames::cluster,
          s -> InputChecks.ecsName(s, "ECS cluster name")),
      new Name(OriginalState.SERVICE, "--ecs-service-name", flags.ecsServiceName(), ResourceNames::service,
          s -> InputChecks.ecsName(s, "ECS service name")),
      new Name(OriginalState.TASK_ROLE, "--ecs-execution-role-name", flags.ecsExecutionRoleName(),
          ResourceNames::taskExecutionRole, s -> InputChecks.roleName(s, "ECS task execution role name")),
      new Name(OriginalState.INFRA_ROLE, "--ecs-infrastructure-role-name", flags.ecsInfrastructureRoleName(),
          ResourceNames::infrastructureRole, s -> InputChecks.roleName(s, "ECS infrastructure role name")),
      new Name(OriginalState.LOG_GROUP, "--ecs-log-group", flags.ecsLogGroup(), ResourceNames::logGroup,
          InputChecks::logGroup),
      new Name(OriginalState.SECRET_NAME, "--secret-name", flags.secretName(), ResourceNames::secret,
          s -> InputChecks.secretName(s, "secret name")),
    };
    String[] v = new String[table.length];
    for (int i = 0; i < table.length; i++) {
      Name n = table[i];
      boolean byoSecret = n.key().equals(OriginalState.SECRET_NAME) && state.secretManagedExternally();
      v[i] = byoSecret ? n.of().apply(resolved) : state.get(n.key())
          .map(value -> n.check().apply(new Setting(value, state.display() + " " + n.key())))
          .map(value -> agree(n, value, state))
          .orElse(n.of().apply(resolved));
    }
    return new ResourceNames(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  private static String agree(Name n, String value, OriginalState state) {
    if (n.flagValue() != null && !n.flagValue().trim().equals(value)) {
      throw CliException.badInput(n.flag() + " " + UserText.quote(n.flagValue().trim()) + " disagrees with "
          + state.display() + ", whose " + n.key() + " is " + UserText.quote(value) + ": drop the flag");
    }
    return value;
  }

  /** The name flags for names deploy would not find by itself. */
  private static List<String> deployFlags(ResourceNames adopted, ResourceNames resolved) {
    List<String> out = new ArrayList<>();
    add(out, "--harness-name", adopted.harness(), resolved.harness());
    add(out, "--role-name", adopted.harnessRole(), resolved.harnessRole());
    add(out, "--credential-provider-name", adopted.apiKeyProvider(), resolved.apiKeyProvider());
    add(out, "--ecs-cluster-name", adopted.cluster(), resolved.cluster());
    add(out, "--ecs-service-name", adopted.service(), resolved.service());
    add(out, "--ecs-execution-role-name", adopted.taskExecutionRole(), resolved.taskExecutionRole());
    add(out, "--ecs-infrastructure-role-name", adopted.infrastructureRole(), resolved.infrastructureRole());
    add(out, "--ecs-log-group", adopted.logGroup(), resolved.logGroup());
    add(out, "--secret-name", adopted.secret(), resolved.secret());
    return out;
  }

  private static void add(List<String> out, String flag, String adopted, String resolved) {
    if (!adopted.equals(resolved)) {
      out.add(flag + " " + adopted);
    }
  }

  private record Name(String key, String flag, String flagValue, Function<ResourceNames, String> of,
      Function<Setting, String> check) {}
}
