package io.harnessdeployer.emulator.services.agentcore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account and region of AgentCore. Callers lock the instance ({@code synchronized (state)}) for
 * every read or write, so a request sees one consistent state.
 */
final class AgentCoreState {
  final Map<String, ApiKeyProvider> apiKeyProviders = new TreeMap<>();
  final Map<String, OAuth2Provider> oauth2Providers = new TreeMap<>();
  /** By harnessId, in creation order. */
  final Map<String, HarnessRecord> harnesses = new LinkedHashMap<>();
  /** By agentRuntimeId, in creation order. */
  final Map<String, RuntimeRecord> runtimes = new LinkedHashMap<>();
  /** By gatewayId, in creation order; each holds its targets. */
  final Map<String, GatewayRecord> gateways = new LinkedHashMap<>();
  /** Tags of every live taggable resource, by ARN; a resource without tags has an empty map. */
  final Map<String, Map<String, String>> tags = new HashMap<>();
  /** clientToken of a create or update → what it did, for idempotent retries. */
  final Map<String, IdempotentCall> clientTokens = new HashMap<>();

  record IdempotentCall(String operation, Map<String, Object> request, String harnessId, int version) {}
}
