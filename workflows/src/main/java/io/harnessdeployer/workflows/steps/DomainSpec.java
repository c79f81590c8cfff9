package io.harnessdeployer.workflows.steps;

/** @param domain the whole prefix, {@code Names.cognitoDomain(flag, account)} (spec §3 step 6.4) */
public record DomainSpec(Scope scope, String userPoolId, String domain) {}
