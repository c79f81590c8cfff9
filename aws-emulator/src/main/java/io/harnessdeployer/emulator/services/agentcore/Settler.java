package io.harnessdeployer.emulator.services.agentcore;

import java.time.Instant;

/** Applies every due transition of one account and region (harnesses, runtimes, gateways, targets). Caller holds the lock. */
@FunctionalInterface
interface Settler {
  void settle(AgentCoreState s, Instant now);
}
