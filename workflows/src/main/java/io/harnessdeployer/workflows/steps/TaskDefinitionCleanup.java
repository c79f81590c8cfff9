package io.harnessdeployer.workflows.steps;

/** @param family {@code Names.taskDefinitionFamily(cluster, service)}; matched exactly */
public record TaskDefinitionCleanup(Scope scope, String family) {}
