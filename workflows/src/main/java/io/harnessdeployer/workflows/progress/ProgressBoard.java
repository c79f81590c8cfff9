package io.harnessdeployer.workflows.progress;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Step states of one deploy or destroy, published three ways on every change: the progress query
 * (each workflow builds its answer from {@link #steps()}), the UI's current details (a markdown
 * table) and the step/status search attributes. Workflow code: deterministic.
 *
 * @param <S> the operation's status enum; its names are the {@code HarnessStatus} values
 */
public final class ProgressBoard<S extends Enum<S>> {
  private final String operation;
  private final String deployment;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private S status;
  private String currentStep;
  private String lastError;
  private String publishedStep;
  private S publishedStatus;

  /** Publishes nothing until the first change. @param operation {@code Deploy} or {@code Destroy} */
  public ProgressBoard(String operation, String deployment, S initial) {
    this.operation = operation;
    this.deployment = deployment;
    this.status = initial;
  }

  public void add(String id, String title) {
    steps.put(id, StepState.pending(id, title));
  }

  public String deployment() {
    return deployment;
  }

  public S status() {
    return status;
  }

  public String currentStep() {
    return currentStep;
  }

  public String lastError() {
    return lastError;
  }

  public List<StepState> steps() {
    return List.copyOf(steps.values());
  }

  /** One line per failure recorded with {@link #failure}, in order. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  public void status(S next) {
    status = next;
    publish();
  }

  public void step(String id, UnaryOperator<StepState> change) {
    steps.put(id, change.apply(steps.get(id)));
    currentStep = id;
    publish();
  }

  /** The step failed and the whole operation moves to {@code next}. */
  public void failed(String id, StepStatus stepStatus, String error, S next) {
    lastError = id + ": " + error;
    status = next;
    step(id, s -> s.failed(Workflow.currentTimeMillis(), stepStatus, error));
  }

  /** A failure the operation goes on after (an undo, a destroy's delete): listed, not fatal. */
  public void failure(String id, String error, UnaryOperator<StepState> change) {
    failures.add(id + ": " + error);
    step(id, change);
  }

  private void publish() {
    Workflow.setCurrentDetails(markdown());
    if (currentStep != null && !currentStep.equals(publishedStep)) {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STEP.valueSet(currentStep));
      publishedStep = currentStep;
    }
    if (status != publishedStatus) {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STATUS.valueSet(status.name()));
      publishedStatus = status;
    }
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("**").append(operation).append(' ').append(deployment).append("**: ").append(status)
        .append("\n\n");
    md.append("| # | Step | Status | Resource | Outcome | Seconds |\n|---|---|---|---|---|---|\n");
    int n = 1;
    for (StepState s : steps.values()) {
      md.append("| ").append(n++).append(" | ").append(s.title()).append(" | ").append(s.status());
      if (s.compensation() != null) {
        md.append(" (").append(s.compensation()).append(')');
      }
      md.append(" | ").append(cell(s.resourceId())).append(" | ")
          .append(s.outcome() == null ? "" : s.outcome()).append(" | ").append(seconds(s))
          .append(" |\n");
    }
    if (lastError != null) {
      md.append("\nLast error: ").append(cell(lastError)).append('\n');
    }
    for (String failure : failures) {
      md.append("\nFailed: ").append(cell(failure)).append('\n');
    }
    return md.toString();
  }

  private static String seconds(StepState s) {
    if (s.startedAt() == null || s.endedAt() == null) {
      return "";
    }
    return Long.toString((s.endedAt() - s.startedAt()) / 1000);
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
