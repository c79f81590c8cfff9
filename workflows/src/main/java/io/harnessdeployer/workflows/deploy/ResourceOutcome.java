package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.steps.Outcome;

/** @param kind e.g. {@code iam-role}, {@code ecs-cluster}; @param id name or ARN */
public record ResourceOutcome(String step, String kind, String id, Outcome outcome) {}
