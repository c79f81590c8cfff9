package io.harnessdeployer.worker;

import io.harnessdeployer.workflows.secrets.SealKeys;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every environment variable the worker process reads: its own ({@link #OWN}) and the AWS SDK's
 * standard ones ({@link #AWS}). The compose file and the image may set only these (ComposeFileTest).
 */
public final class WorkerEnv {
  public static final String TEMPORAL_ADDRESS = "TEMPORAL_ADDRESS";
  public static final String TEMPORAL_NAMESPACE = "TEMPORAL_NAMESPACE";
  /** Base URI through which the health check reaches simulated endpoints; defaults to AWS_ENDPOINT_URL. */
  public static final String ENDPOINT_HOST_OVERRIDE = "HARNESS_DEPLOYER_ENDPOINT_HOST_OVERRIDE";
  /**
   * {@code false}: workflow tasks are not pinned to this worker's sticky queue. A real server moves
   * a dead worker's sticky tasks back after 5 s; Temporal's test server ({@code client dev}) never
   * does, so a workflow whose worker was killed would wait forever for a second worker.
   */
  public static final String STICKY = "HARNESS_DEPLOYER_STICKY_WORKFLOWS";
  /** Port of {@code /metrics} and {@code /healthz}; {@code 0} turns the endpoint off. */
  public static final String METRICS_PORT = "HARNESS_DEPLOYER_METRICS_PORT";
  /** {@code false}: start even if a search attribute is missing (the check only warns). */
  public static final String REQUIRE_SEARCH_ATTRIBUTES = "HARNESS_DEPLOYER_REQUIRE_SEARCH_ATTRIBUTES";

  public static final List<String> OWN = List.of(TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, ENDPOINT_HOST_OVERRIDE,
      STICKY, METRICS_PORT, REQUIRE_SEARCH_ATTRIBUTES, SealKeys.ENV_KEY, SealKeys.ENV_KEY_FILE);

  /** What the AWS SDK's default region, credential, profile and endpoint chains read. */
  public static final List<String> AWS = List.of("AWS_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
      "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
      "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN");

  private WorkerEnv() {}

  public static Set<String> all() {
    return Stream.concat(OWN.stream(), AWS.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
