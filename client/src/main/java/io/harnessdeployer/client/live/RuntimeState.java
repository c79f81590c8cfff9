package io.harnessdeployer.client.live;

/**
 * The gateway topology's AgentCore Runtime as the control plane describes it now (spec §8.1).
 *
 * @param status READY, CREATING, ..., NOT_FOUND when it no longer exists; null when not looked up
 * @param image the container URI it runs; null when unknown
 * @param error why the lookup failed; null when it answered
 */
public record RuntimeState(String id, String arn, String name, String status, String image, String error) {
  public static RuntimeState unknown(String id) {
    return new RuntimeState(id, null, null, null, null, null);
  }
}
