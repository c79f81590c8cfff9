package io.harnessdeployer.workflows.steps;

public record HarnessRef(String harnessId, String harnessArn, String harnessName, Outcome outcome) {}
