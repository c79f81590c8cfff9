package io.harnessdeployer.workflows;

import io.temporal.common.converter.DataConverterException;
import io.temporal.worker.WorkflowImplementationOptions;

/** How the worker registers our workflow types; tests register them the same way. */
public final class Registration {
  private Registration() {}

  /**
   * A request the workflow cannot read (a start from the UI with a bad field) fails the workflow at
   * once, before anything runs, instead of failing its first task forever. Every other unexpected
   * exception keeps Temporal's default: the task is retried until a fixed worker takes it.
   */
  public static WorkflowImplementationOptions options() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }
}
