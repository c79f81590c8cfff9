package io.harnessdeployer.workflows.steps;

/**
 * Deletes what lives inside another resource and has no tags of its own (an app client or resource
 * server in a pool, a target in a gateway): the container's tags decide, by the {@link DeleteMode}
 * rules, except that a THIS_RUN delete also takes a part inside an older container of this
 * deployment (the compensation exists only when this run's ensure reported CREATED).
 *
 * @param within the container's name (pool name, gateway name)
 * @param id the part's name (client name, resource server identifier, target name)
 */
public record NestedDelete(Scope scope, DeleteMode mode, String within, String id) {}
