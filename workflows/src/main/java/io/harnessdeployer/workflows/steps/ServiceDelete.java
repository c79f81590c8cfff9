package io.harnessdeployer.workflows.steps;

/** The service is found by cluster and name, so destroy needs no recorded ARN. */
public record ServiceDelete(Scope scope, DeleteMode mode, String cluster, String serviceName) {}
