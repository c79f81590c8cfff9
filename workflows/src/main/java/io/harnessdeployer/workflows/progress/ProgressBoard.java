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
  /** Several steps may run at once: the step attribute lists them, and publishing can be held. */
  private boolean concurrent;
  private boolean held;

  /** Publishes nothing until the first change. @param operation {@code Deploy} or {@code Destroy} */
  public ProgressBoard(String operation, String deployment, S initial) {
    this.operation = operation;
    this.deployment = deployment;
    this.status = initial;
  }

  /**
   * For a graph run: the step search attribute lists every running (or paused, compensating) step,
   * and step and status go up in one upsert per {@link #flush}.
   */
  public ProgressBoard<S> concurrent() {
    concurrent = true;
    return this;
  }

  /** Collects changes without publishing them until {@link #flush}. */
  public void hold() {
    held = true;
  }

  public void flush() {
    held = false;
    publish();
  }

  public boolean has(String id) {
    return steps.containsKey(id);
  }

  /** Changes a step without making it the current one (a running sibling's activity, an undo). */
  public void touch(String id, UnaryOperator<StepState> change) {
    steps.put(id, change.apply(steps.get(id)));
    publish();
  }

  /** Forgets the last error: the operator's retry fixed it. */
  public void clearLastError() {
    lastError = null;
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
    if (!steps.containsKey(id)) {
      publish(); // a resource the board has no row for (a deploy's implicit task definitions)
    } else if (concurrent) {
      touch(id, change);
    } else {
      step(id, change);
    }
  }

  private void publish() {
    if (held) {
      return;
    }
    Workflow.setCurrentDetails(markdown());
    if (concurrent) {
      publishTogether();
      return;
    }
    if (currentStep != null && !currentStep.equals(publishedStep)) {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STEP.valueSet(currentStep));
      publishedStep = currentStep;
    }
    if (status != publishedStatus) {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STATUS.valueSet(status.name()));
      publishedStatus = status;
    }
  }

  private void publishTogether() {
    List<String> active = steps.values().stream().filter(s -> s.status() == StepStatus.RUNNING
        || s.status() == StepStatus.PAUSED || s.status() == StepStatus.COMPENSATING)
        .map(StepState::id).toList();
    String step = active.isEmpty() ? currentStep : String.join(",", active);
    boolean stepChanged = step != null && !step.equals(publishedStep);
    if (!stepChanged && status == publishedStatus) {
      return;
    }
    if (stepChanged) {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STEP.valueSet(step),
          SearchAttributes.STATUS.valueSet(status.name()));
    } else {
      Workflow.upsertTypedSearchAttributes(SearchAttributes.STATUS.valueSet(status.name()));
    }
    publishedStep = step;
    publishedStatus = status;
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
