package io.harnessdeployer.workflows.adopt;

import io.harnessdeployer.workflows.steps.Scope;

/** Input of the adoption activities: who asks, and which resource. */
public record AdoptLookup(Scope scope, AdoptTarget target) {}
