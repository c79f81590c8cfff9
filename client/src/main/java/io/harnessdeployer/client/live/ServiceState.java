package io.harnessdeployer.client.live;

/**
 * The ECS Express service as ECS describes it now.
 *
 * @param status ACTIVE, DRAINING, INACTIVE, PROVISIONING (no status code yet), NOT_FOUND; null when
 *     not looked up (no service for this deployment yet, or an external MCP server)
 * @param endpoint the public host of the live configuration, null until there is one
 * @param error why the lookup failed; null when it answered
 */
public record ServiceState(String arn, String status, String endpoint, String error) {
  public static ServiceState unknown(String arn) {
    return new ServiceState(arn, null, null, null);
  }
}
