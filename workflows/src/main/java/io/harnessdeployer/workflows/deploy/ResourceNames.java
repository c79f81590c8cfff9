package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.Names;

/** Names of the resources a deploy ensures; {@link #defaults()} are the spec's (§10.1). */
public record ResourceNames(
    String harness,
    String harnessRole,
    String apiKeyProvider,
    String cluster,
    String service,
    String taskExecutionRole,
    String infrastructureRole,
    String logGroup,
    String secret) {

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
        Names.SECRET_NAME);
  }

  public ResourceNames withHarness(String name) {
    return new ResourceNames(name, harnessRole, apiKeyProvider, cluster, service,
        taskExecutionRole, infrastructureRole, logGroup, secret);
  }

  public ResourceNames withCluster(String name) {
    return new ResourceNames(harness, harnessRole, apiKeyProvider, name, service,
        taskExecutionRole, infrastructureRole, logGroup, secret);
  }

  public ResourceNames withSecret(String name) {
    return new ResourceNames(harness, harnessRole, apiKeyProvider, cluster, service,
        taskExecutionRole, infrastructureRole, logGroup, name);
  }
}
