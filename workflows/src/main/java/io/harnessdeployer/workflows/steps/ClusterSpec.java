package io.harnessdeployer.workflows.steps;

public record ClusterSpec(Scope scope, String clusterName) {}
