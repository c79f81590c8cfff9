package io.harnessdeployer.workflows.steps;

public record LogGroupSpec(Scope scope, String logGroupName) {}
