package io.harnessdeployer.workflows.steps;

/** @param account 12-digit account id every policy ARN is built with */
public record CallerIdentity(String account, String arn) {}
