package io.harnessdeployer.emulator.services.agentcore;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** {@code clientToken} idempotency: the same token and request repeat the first answer; another request is refused. */
final class ClientTokens {
  private ClientTokens() {}

  /** The id the first call with this token made, if that resource still exists. */
  static Optional<String> replay(AgentCoreState s, Map<String, Object> input, String operation, Predicate<String> exists) {
    Object token = input.get("clientToken");
    AgentCoreState.IdempotentCall call = token == null ? null : s.clientTokens.get(token.toString());
    if (call == null || !exists.test(call.harnessId())) return Optional.empty();
    if (!call.operation().equals(operation) || !call.request().equals(request(input))) {
      throw Errors.invalid("IdempotentParameterMismatchException", "The clientToken was already used with different request parameters.");
    }
    return Optional.of(call.harnessId());
  }

  static void remember(AgentCoreState s, Map<String, Object> input, String operation, String id, int version) {
    Object token = input.get("clientToken");
    if (token != null) s.clientTokens.put(token.toString(), new AgentCoreState.IdempotentCall(operation, request(input), id, version));
  }

  static Map<String, Object> request(Map<String, Object> input) {
    Map<String, Object> request = Values.copy(input);
    request.remove("clientToken");
    request.values().removeIf(v -> v == null);
    return request;
  }
}
