package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/** AgentCore control plane: Token Vault API-key provider and the Harness (spec §2 steps 9–12, §4). */
@ActivityInterface
public interface AgentCoreActivities {
  /**
   * GetApiKeyCredentialProvider; missing → Create with the Basic header and {@link Scope#tags()} →
   * CREATED; present → UpdateApiKeyCredentialProvider (the stored key follows the current
   * credentials) → UPDATED (CREATED if it carries this run's tag). The header is built here from
   * the sealed credentials and never leaves this activity. Compensation: {@link
   * #deleteApiKeyProvider} (THIS_RUN).
   */
  ResourceRef ensureApiKeyProvider(ApiKeyProviderSpec spec);

  /**
   * Finds the harness by name (ListHarnesses). Missing → CreateHarness with {@code clientToken} and
   * {@link Scope#tags()} → CREATED. Present and ours → UpdateHarness if role, model, URL or provider
   * differ → UPDATED, else ADOPTED (CREATED if it carries this run's tag). Present and not ours →
   * {@code Conflict}. Compensation: {@link #deleteHarness} then {@link #awaitHarnessGone}.
   */
  HarnessRef ensureHarness(HarnessSpec spec);

  /**
   * Polls GetHarness ({@code wait.id()} = harness id) until READY. CREATE_FAILED, UPDATE_FAILED,
   * FAILED → {@code Unhealthy} with the failure reason; deadline → {@code Timeout}.
   */
  HarnessStatus awaitHarnessReady(WaitSpec wait);

  /**
   * Finds the harness by name ({@code input.id()}), DeleteHarness if it carries the required tag;
   * missing → ALREADY_GONE. The result's id is the harness id.
   */
  DeleteResult deleteHarness(ResourceDelete input);

  /** Polls GetHarness until not found (status GONE); DELETE_FAILED → {@code Unhealthy}. */
  HarnessStatus awaitHarnessGone(WaitSpec wait);

  /** DeleteApiKeyCredentialProvider if it carries the required tag; missing → ALREADY_GONE. */
  DeleteResult deleteApiKeyProvider(ResourceDelete input);

  /** Read-only: provider {@code input.id()} as {@code name}, {@code arn} and tags; never its key. */
  Observed describeApiKeyProvider(Lookup input);

  /**
   * Read-only: harness {@code input.id()} (by name) with its status, tags and the properties of
   * {@code HarnessShape} (role, model, system prompt, the MCP tool's url and headers, memory and
   * limits); a header that is no placeholder is sealed. Not found → {@code exists=false}.
   */
  Observed describeHarness(Lookup input);
}
