package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import java.util.Locale;

/**
 * Names of the resources a deploy ensures. {@link #defaults()} are the spec's (§10.1), kept by the
 * default deployment; {@link #forDeployment} derives every other deployment's own names, so two
 * deployments never share a resource by name.
 */
public record ResourceNames(
    String harness,
    String harnessRole,
    String apiKeyProvider,
    String cluster,
    String service,
    String taskExecutionRole,
    String infrastructureRole,
    String logGroup,
    String secret,
    GatewayNames gateway) {

  /** Histories and callers from before the gateway topology: its names are the spec's. */
  public ResourceNames {
    gateway = gateway == null ? GatewayNames.defaults() : gateway;
  }

  /** The ecs topology's names; the gateway's are the spec's defaults. */
  public ResourceNames(String harness, String harnessRole, String apiKeyProvider, String cluster, String service,
      String taskExecutionRole, String infrastructureRole, String logGroup, String secret) {
    this(harness, harnessRole, apiKeyProvider, cluster, service, taskExecutionRole, infrastructureRole, logGroup,
        secret, null);
  }

  public static ResourceNames defaults() {
    return new ResourceNames(
        Names.HARNESS_NAME,
        Names.HARNESS_ROLE,
        Names.API_KEY_PROVIDER,
        Names.ECS_CLUSTER,
        Names.ECS_SERVICE,
        Names.ECS_TASK_EXECUTION_ROLE,
        Names.ECS_INFRASTRUCTURE_ROLE,
        Names.ECS_LOG_GROUP,
        Names.SECRET_NAME,
        GatewayNames.defaults());
  }

  /** Role-name budget: IAM's limit (RoleName, 64). */
  static final int ROLE_MAX = 64;
  static final int HARNESS_MAX = 40;
  static final int PROVIDER_MAX = 128;
  static final int ECS_MAX = 255;
  static final int LOG_GROUP_MAX = 512;
  static final int SECRET_MAX = 512;

  /** Whether this deployment keeps the spec's names: the default harness name is its name. */
  public static boolean isDefaultDeployment(String deploymentName) {
    return Names.DEFAULT_DEPLOYMENT.equals(deploymentName);
  }

  /**
   * The default names for this deployment: the spec's for the default deployment; otherwise every
   * name is derived from the deployment name, and the IAM roles' (IAM is global) also from the
   * region. Each fits its AWS pattern and length for every valid deployment name; where one would
   * not, or where the deployment name had to be changed to fit (a '-' in a harness name, upper
   * case in a role name, which IAM compares without case), it is cut and ends with a hash of the
   * deployment key.
   */
  public static ResourceNames forDeployment(DeploymentKey key) {
    String n = key.name();
    if (isDefaultDeployment(n)) {
      return defaults();
    }
    String id = key.tagValue();
    boolean upper = !n.equals(n.toLowerCase(Locale.ROOT));
    String roleCore = n + "-" + key.region();
    return new ResourceNames(
        NameFitter.fit("zscaler_mcp_", n.replace('-', '_'), "_harness", HARNESS_MAX, '_', n.contains("-"),
            id + "#harness"),
        NameFitter.fit("zscaler-mcp-", roleCore, "-harness-role", ROLE_MAX, '-', upper, id + "#harness-role"),
        NameFitter.fit("zscaler-mcp-", n, "-creds", PROVIDER_MAX, '-', false, id + "#provider"),
        NameFitter.fit("zscaler-mcp-", n, "", ECS_MAX, '-', false, id + "#cluster"),
        NameFitter.fit("zscaler-mcp-", n, "-server", ECS_MAX, '-', false, id + "#service"),
        NameFitter.fit("zscaler-mcp-", roleCore, "-ecs-task-exec-role", ROLE_MAX, '-', upper,
            id + "#task-execution-role"),
        NameFitter.fit("zscaler-mcp-", roleCore, "-ecs-infra-role", ROLE_MAX, '-', upper,
            id + "#infrastructure-role"),
        NameFitter.fit("/ecs/zscaler-mcp-", n, "", LOG_GROUP_MAX, '-', false, id + "#log-group"),
        NameFitter.fit("zscaler-mcp-harness/", n, "/credentials", SECRET_MAX, '-', false, id + "#secret"),
        GatewayNames.forDeployment(key));
  }

  public ResourceNames withHarness(String name) {
    return new ResourceNames(name, harnessRole, apiKeyProvider, cluster, service,
        taskExecutionRole, infrastructureRole, logGroup, secret, gateway);
  }

  public ResourceNames withCluster(String name) {
    return new ResourceNames(harness, harnessRole, apiKeyProvider, name, service,
        taskExecutionRole, infrastructureRole, logGroup, secret, gateway);
  }

  public ResourceNames withSecret(String name) {
    return new ResourceNames(harness, harnessRole, apiKeyProvider, cluster, service,
        taskExecutionRole, infrastructureRole, logGroup, name, gateway);
  }

  public ResourceNames withGateway(GatewayNames names) {
    return new ResourceNames(harness, harnessRole, apiKeyProvider, cluster, service,
        taskExecutionRole, infrastructureRole, logGroup, secret, names);
  }
}
