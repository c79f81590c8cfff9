package io.harnessdeployer.workflows.steps;

import java.time.Duration;

/**
 * Input of an {@code awaitX} activity: polls every {@code interval}, heartbeating each turn, and
 * fails with {@code Timeout} once {@code timeout} has passed since the first attempt began (the
 * start is kept in the heartbeat details, so a retry on another worker keeps the same deadline).
 *
 * @param id the service ARN, harness id, or URL being waited on
 */
public record WaitSpec(Scope scope, String id, Duration timeout, Duration interval) {}
