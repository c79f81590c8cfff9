package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.steps.AssumedRole;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a deploy needs. It is recorded in workflow history, so it holds no plaintext secret.
 *
 * @param deploymentName with {@code region}, the {@link DeploymentKey}
 * @param externalMcpUrl null: the MCP server runs on ECS Express; else the harness points here and
 *     only the provider, the harness role and the harness are ensured
 * @param byoSecretId name or ARN of the operator's secret, for {@link SecretMode#BRING_YOUR_OWN}
 * @param containerEnv the .env pass-through for the container (spec §8a), NON-secret keys only:
 *     the keys of {@link Names#CREDENTIAL_KEYS} are rejected here
 * @param credentials AES-GCM sealed UTF-8 JSON object, compact, mapping the keys of {@link
 *     Names#CREDENTIAL_KEYS} to their non-empty values ({@code ZSCALER_CLIENT_ID} and {@code
 *     ZSCALER_CLIENT_SECRET} required); only activities unseal it
 * @param serviceTimeout deadline of each wait on the ECS service
 * @param iamPropagation wait after creating a role before anything assumes it: the spec's {@link
 *     Names#IAM_PROPAGATION} against AWS, zero (no timer) against the local emulator
 * @param expectedAccount the 12-digit account the client resolved with its own credentials (or the
 *     account of {@code assumeRole}); the worker's preflight refuses to write anywhere else. Null
 *     (histories recorded before it existed): no check
 * @param assumeRole the role the worker assumes for every AWS call of this deploy; null: its own
 *     identity
 * @param harness memory, limits, allowed tools and system prompt of the harness; null (histories
 *     recorded before it existed): none of them sent nor compared, the spec's prompt
 */
public record DeployRequest(
    String deploymentName,
    String region,
    Topology topology,
    ResourceNames names,
    String imageUri,
    String externalMcpUrl,
    String modelId,
    SecretMode secretMode,
    String byoSecretId,
    Map<String, String> containerEnv,
    Sealed credentials,
    OnFailure onFailure,
    Duration serviceTimeout,
    Duration iamPropagation,
    String expectedAccount,
    AssumedRole assumeRole,
    HarnessConfig harness) {

  public DeploymentKey key() {
    return new DeploymentKey(region, deploymentName);
  }

  public boolean ecsHost() {
    return externalMcpUrl == null || externalMcpUrl.isBlank();
  }

  public static Builder builder(String deploymentName, String region, Sealed credentials) {
    return new Builder(deploymentName, region, credentials);
  }

  public Builder toBuilder() {
    Builder b = new Builder(deploymentName, region, credentials);
    b.topology = topology;
    b.names = names;
    b.imageUri = imageUri;
    b.externalMcpUrl = externalMcpUrl;
    b.modelId = modelId;
    b.secretMode = secretMode;
    b.byoSecretId = byoSecretId;
    b.containerEnv = containerEnv;
    b.onFailure = onFailure;
    b.serviceTimeout = serviceTimeout;
    b.iamPropagation = iamPropagation;
    b.expectedAccount = expectedAccount;
    b.assumeRole = assumeRole;
    b.harness = harness;
    return b;
  }

  /** Starts from the spec defaults. */
  public static final class Builder {
    private final String deploymentName;
    private final String region;
    private final Sealed credentials;
    private Topology topology = Topology.ECS;
    private ResourceNames names = ResourceNames.defaults();
    private String imageUri = Names.DEFAULT_IMAGE;
    private String externalMcpUrl;
    private String modelId = Names.DEFAULT_MODEL_ID;
    private SecretMode secretMode = SecretMode.MANAGED;
    private String byoSecretId;
    private Map<String, String> containerEnv = Map.of();
    private OnFailure onFailure = OnFailure.PAUSE;
    private Duration serviceTimeout = Names.SERVICE_ACTIVE_TIMEOUT;
    private Duration iamPropagation = Names.IAM_PROPAGATION;
    private String expectedAccount;
    private AssumedRole assumeRole;
    private HarnessConfig harness = HarnessConfig.defaults();

    private Builder(String deploymentName, String region, Sealed credentials) {
      this.deploymentName = deploymentName;
      this.region = region;
      this.credentials = credentials;
    }

    public Builder topology(Topology v) { topology = v; return this; }
    public Builder names(ResourceNames v) { names = v; return this; }
    public Builder imageUri(String v) { imageUri = v; return this; }
    public Builder externalMcpUrl(String v) { externalMcpUrl = v; return this; }
    public Builder modelId(String v) { modelId = v; return this; }
    public Builder secretMode(SecretMode v) { secretMode = v; return this; }
    public Builder byoSecretId(String v) { byoSecretId = v; return this; }
    public Builder containerEnv(Map<String, String> v) { containerEnv = new LinkedHashMap<>(v); return this; }
    public Builder onFailure(OnFailure v) { onFailure = v; return this; }
    public Builder serviceTimeout(Duration v) { serviceTimeout = v; return this; }
    public Builder iamPropagation(Duration v) { iamPropagation = v; return this; }
    public Builder expectedAccount(String v) { expectedAccount = v; return this; }
    public Builder assumeRole(AssumedRole v) { assumeRole = v; return this; }
    public Builder harness(HarnessConfig v) { harness = v; return this; }

    public DeployRequest build() {
      return new DeployRequest(deploymentName, region, topology, names, imageUri, externalMcpUrl,
          modelId, secretMode, byoSecretId, containerEnv, credentials, onFailure, serviceTimeout,
          iamPropagation, expectedAccount, assumeRole, harness);
    }
  }
}
