package io.harnessdeployer.workflows.steps;

/**
 * @param id the resource's name, ARN or id as given to the delete
 * @param detail one human line (e.g. "scheduled for deletion in 7 days"); never a secret
 */
public record DeleteResult(String id, DeleteOutcome outcome, String detail) {}
