package io.harnessdeployer.workflows.steps;

/**
 * Result of ensuring a part of a pool that has no ARN or tags of its own (resource server, domain).
 *
 * @param id the resource server's identifier, or the domain
 */
public record CognitoRef(String userPoolId, String id, Outcome outcome) {}
