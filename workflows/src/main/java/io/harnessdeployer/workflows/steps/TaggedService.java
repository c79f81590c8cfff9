package io.harnessdeployer.workflows.steps;

/** An ECS Express service carrying a deployment's tag, and the cluster it runs in. */
public record TaggedService(String cluster, String name) {}
