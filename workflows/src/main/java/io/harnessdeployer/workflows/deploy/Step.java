package io.harnessdeployer.workflows.deploy;

import java.util.function.Supplier;

/**
 * One step of the deploy plan.
 *
 * @param run ensures the resource (idempotent, so a RETRY simply runs it again)
 * @param undo deletes what this run created, returning a short word on what it did; null when the
 *     step creates nothing
 */
record Step(String id, String title, Supplier<StepResult> run, Supplier<String> undo) {}
