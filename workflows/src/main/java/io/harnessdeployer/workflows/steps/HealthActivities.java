package io.harnessdeployer.workflows.steps;

import io.temporal.activity.ActivityInterface;

/**
 * HTTP check of the deployed MCP server. The implementation may be constructed with an endpoint
 * override (the local emulator serves every host), so the workflow always passes the real URL.
 */
@ActivityInterface
public interface HealthActivities {
  /**
   * GET {@code wait.id()} (= {@code https://<fqdn>/health}) every interval until it answers 200,
   * heartbeating each turn; deadline → {@code Unhealthy} with the last status or error.
   */
  HealthResult awaitHealthy(WaitSpec wait);
}
