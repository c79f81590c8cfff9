package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.steps.AssumedRole;

/**
 * What to destroy and what to keep. Names are the deploy's (same defaults), so destroy finds every
 * resource without a state file; only those tagged with this deployment's key are deleted.
 *
 * <p>Each keep flag keeps EXACTLY what its name says. This differs from the seed, whose {@code
 * --keep-ecs} also kept the secret and the ECS roles (spec §1.3, §6.5): here {@code keepEcs} with
 * neither {@code keepRole} nor {@code keepSecret} deletes the roles and the secret the kept service
 * uses, and the report says so in a note.
 *
 * @param byoSecretId the operator's own secret (deploy's {@code ZSCALER_SECRET_NAME}), if any:
 *     reported as kept, never touched
 * @param externalMcpUrl the operator's MCP server, if the deploy pointed the harness at one:
 *     reported as kept, never touched. ECS resources are still looked for (an earlier deploy of
 *     this deployment may have run on ECS)
 * @param keepRole keep every IAM role (harness execution, ECS task execution, ECS infrastructure)
 * @param keepEcs keep the Express service, its task definitions, the log group and the cluster
 * @param keepSecret keep the managed secret
 * @param forceSecretDelete delete the managed secret without the 7-day recovery window
 * @param expectedAccount as for the deploy: the destroy deletes nothing unless the worker's
 *     identity is in this account; null (older histories): no check
 * @param assumeRole the role the worker assumes for every AWS call of this destroy; null: its own
 *     identity
 * @param keepCognito gateway topology: keep the Cognito user pool, its domain, resource server and
 *     app client (last, so histories recorded before it read false)
 */
public record DestroyRequest(
    String deploymentName,
    String region,
    Topology topology,
    ResourceNames names,
    String byoSecretId,
    String externalMcpUrl,
    boolean keepRole,
    boolean keepEcs,
    boolean keepSecret,
    boolean forceSecretDelete,
    String expectedAccount,
    AssumedRole assumeRole,
    boolean keepCognito) {

  public DeploymentKey key() {
    return new DeploymentKey(region, deploymentName);
  }

  public static Builder builder(String deploymentName, String region) {
    return new Builder(deploymentName, region);
  }

  public Builder toBuilder() {
    Builder b = new Builder(deploymentName, region);
    b.topology = topology;
    b.names = names;
    b.byoSecretId = byoSecretId;
    b.externalMcpUrl = externalMcpUrl;
    b.keepRole = keepRole;
    b.keepEcs = keepEcs;
    b.keepSecret = keepSecret;
    b.forceSecretDelete = forceSecretDelete;
    b.expectedAccount = expectedAccount;
    b.assumeRole = assumeRole;
    b.keepCognito = keepCognito;
    return b;
  }

  /** Starts from the spec defaults: ecs topology, default names, nothing kept, 7-day recovery. */
  public static final class Builder {
    private final String deploymentName;
    private final String region;
    private Topology topology = Topology.ECS;
    private ResourceNames names = ResourceNames.defaults();
    private String byoSecretId;
    private String externalMcpUrl;
    private boolean keepRole;
    private boolean keepEcs;
    private boolean keepSecret;
    private boolean forceSecretDelete;
    private String expectedAccount;
    private AssumedRole assumeRole;
    private boolean keepCognito;

    private Builder(String deploymentName, String region) {
      this.deploymentName = deploymentName;
      this.region = region;
    }

    public Builder topology(Topology v) { topology = v; return this; }
    public Builder names(ResourceNames v) { names = v; return this; }
    public Builder byoSecretId(String v) { byoSecretId = v; return this; }
    public Builder externalMcpUrl(String v) { externalMcpUrl = v; return this; }
    public Builder keepRole(boolean v) { keepRole = v; return this; }
    public Builder keepEcs(boolean v) { keepEcs = v; return this; }
    public Builder keepSecret(boolean v) { keepSecret = v; return this; }
    public Builder forceSecretDelete(boolean v) { forceSecretDelete = v; return this; }
    public Builder expectedAccount(String v) { expectedAccount = v; return this; }
    public Builder assumeRole(AssumedRole v) { assumeRole = v; return this; }
    public Builder keepCognito(boolean v) { keepCognito = v; return this; }

    public DestroyRequest build() {
      return new DestroyRequest(deploymentName, region, topology, names, byoSecretId,
          externalMcpUrl, keepRole, keepEcs, keepSecret, forceSecretDelete, expectedAccount, assumeRole,
          keepCognito);
    }
  }
}
