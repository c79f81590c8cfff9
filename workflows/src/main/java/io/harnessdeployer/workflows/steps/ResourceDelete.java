package io.harnessdeployer.workflows.steps;

/**
 * Input of a {@code deleteX}: the resource's name, ARN or id, and which ownership tag to require.
 */
public record ResourceDelete(Scope scope, DeleteMode mode, String id) {}
