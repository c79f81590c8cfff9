package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * What a wait on a Runtime, Gateway or target saw last.
 *
 * @param id the runtime id, gateway id, or {@link GatewayTargetRef#waitId()}
 * @param status the service's status word, or GONE (not found)
 * @param reasons the status reasons AWS gave (gateway, target), or the failure reason; never a secret
 */
public record AgentCoreStatus(String id, String status, List<String> reasons) {
  public AgentCoreStatus {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
