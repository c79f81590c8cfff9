package io.harnessdeployer.workflows.steps;

public record ImageCheck(Scope scope, String imageUri) {}
