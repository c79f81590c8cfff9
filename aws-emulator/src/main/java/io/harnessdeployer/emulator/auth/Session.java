package io.harnessdeployer.emulator.auth;

import io.harnessdeployer.emulator.runtime.Caller;
import java.time.Instant;

/**
 * Temporary credentials STS issued: requests signed with {@code accessKeyId} and carrying {@code
 * sessionToken} act as {@code caller} until {@code expiration}.
 */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
    Caller caller) {}
