package io.harnessdeployer.workflows.steps;

/** A target is known by its gateway and id; {@link #waitId()} is how its waits name it. */
public record GatewayTargetRef(String gatewayId, String targetId, String targetName, Outcome outcome) {
  /** {@code <gatewayId>/<targetId>}: the {@link WaitSpec#id()} of the target's waits. */
  public String waitId() {
    return waitId(gatewayId, targetId);
  }

  public static String waitId(String gatewayId, String targetId) {
    return gatewayId + "/" + targetId;
  }
}
