/**
 * Amazon Bedrock AgentCore: the control plane ({@code bedrock-agentcore-control}: Token Vault
 * credential providers, Harnesses, Runtimes, Gateways and their targets, tags; each Gateway's MCP URL
 * as a hosted endpoint) and the data plane ({@code bedrock-agentcore}: InvokeHarness).
 *
 * <p>Behaviour the models do not say, and where it comes from:
 *
 * <ul>
 *   <li>A duplicate credential-provider name is a ValidationException "Credential provider with name:
 *       X already exists" (reason ResourceConflict), not the modeled ConflictException: that is what
 *       the live service answers, as several public clients that match on it record. API-key and
 *       OAuth2 providers have separate namespaces here (unverified).
 *   <li>A duplicate harness name is a ConflictException. CreateHarness and UpdateHarness check the
 *       execution role synchronously: it must exist and be older than the IAM propagation delay, else
 *       ValidationException "Role validation failed for '…'". A role deleted before the harness settles
 *       leaves it CREATE_FAILED / UPDATE_FAILED with {@code failureReason}.
 *   <li>Status is clock-driven: CREATING → READY after {@code harnessCreate}, UPDATING → READY after
 *       {@code harnessUpdate} (version + 1 on each update), DELETING → gone after {@code harnessDelete}.
 *       Update or delete while CREATING/UPDATING is a ConflictException; deleting a DELETING harness
 *       answers it again. The create response is always CREATING.
 *   <li>{@code clientToken}: the same token with the same request replays the first answer; with a
 *       different request it is a ValidationException, reason IdempotentParameterMismatchException.
 *   <li>Unset required Harness members get defaults: {@link Harnesses#DEFAULT_MODEL_ID}, empty lists,
 *       {@code allowedTools ["*"]}, truncation {@code sliding_window}, and a managed runtime environment
 *       named {@code harness_<name>} (the name AWS gives the harness's workload identity).
 *   <li>Runtimes and Gateways follow their {@link Lifecycle} on the latency profile and check their
 *       role like harnesses. Duplicate names, and update or delete while CREATING/UPDATING, are
 *       ConflictException; so is DeleteGateway while the gateway has targets (spec §7.3 waits for the
 *       target to drain) and CreateGatewayTarget on a gateway that is not READY. Gateway ids are the
 *       lower-cased name plus 10 characters, target ids 10 upper-case characters.
 *   <li>A target settles READY only if {@link RuntimeReach} reaches its server at that moment, else
 *       FAILED with the reason in {@code statusReasons}: the spec's creation-time connectivity check
 *       (a token without the Runtime's scope is a 401 there).
 *   <li>InvokeHarness on a harness that is not READY is a ValidationException, reason ResourceConflict
 *       (the operation models no ConflictException). The answer is simulated: it repeats the user's
 *       message and, per tool, says whether the harness can reach it. A {@code remote_mcp} URL is
 *       reachable only when the emulator hosts it ({@link ToolHosts}) and every {@code ${arn}} header
 *       names a live credential provider; the emulator never dials out. Tokens are counted as words.
 * </ul>
 */
package io.harnessdeployer.emulator.services.agentcore;
