package io.harnessdeployer.client.live;

/**
 * The gateway topology's AgentCore Gateway and its target as the control plane describes them now
 * (spec §8.1).
 *
 * @param status READY, CREATING, ..., NOT_FOUND when it no longer exists; null when not looked up
 * @param targetStatus the target's, NOT_FOUND when gone, UNKNOWN when its lookup failed; null when not looked up
 * @param error why the gateway's lookup failed; null when it answered
 */
public record GatewayState(String id, String name, String status, String url, String targetId, String targetName,
    String targetStatus, String error) {
  public static GatewayState unknown(String id) {
    return new GatewayState(id, null, null, null, null, null, null, null);
  }
}
