package io.harnessdeployer.workflows.steps;

/** @param polls how many requests it took */
public record HealthResult(String url, int httpStatus, int polls) {}
