package io.harnessdeployer.client.local;

import java.time.Duration;
import java.time.Instant;

/**
 * What a running local stack tells other commands through its discovery file.
 *
 * @param pid the process hosting the stack; the file counts only while it lives
 * @param awsEndpoint the emulator's base URL, for {@code AWS_ENDPOINT_URL}
 * @param latency the emulator's latency profile as given, e.g. {@code instant}
 * @param iamPropagation how long a created role takes to propagate in the emulator; deploys to this
 *     stack wait that long instead of the spec's 10 s
 */
public record LocalStackInfo(
    long pid,
    String temporalAddress,
    String namespace,
    String awsEndpoint,
    String latency,
    Duration iamPropagation,
    Instant startedAt) {}
