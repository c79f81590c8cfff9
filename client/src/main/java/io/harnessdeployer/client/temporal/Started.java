package io.harnessdeployer.client.temporal;

import java.time.Instant;

/**
 * A deploy run the CLI started or attached to.
 *
 * @param attached true when a run of this deployment was already open and the CLI joined it
 */
public record Started(String deployment, String workflowId, String runId, boolean attached, Instant startedAt) {}
