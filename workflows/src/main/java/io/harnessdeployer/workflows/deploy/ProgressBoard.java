package io.harnessdeployer.workflows.deploy;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Step states of one deploy, published three ways on every change: the progress query, the UI's
 * current details (a markdown table) and the step/status search attributes.
 */
final class ProgressBoard {
  private final String deployment;
  private final Map<String, StepState> steps = new LinkedHashMap<>();
  private final List<String> compensationFailures = new ArrayList<>();
  private DeployStatus status = DeployStatus.RUNNING;
  private String currentStep;
  private String lastError;
  private String publishedStep;
  private DeployStatus publishedStatus;

  ProgressBoard(String deployment) {
    this.deployment = deployment;
  }

  void plan(List<Step> plan) {
    plan.forEach(s -> steps.put(s.id(), StepState.pending(s.id(), s.title())));
  }

  DeployStatus status() {
    return status;
  }

  String currentStep() {
    return currentStep;
  }

  void status(DeployStatus next) {
    status = next;
    publish();
  }

  void step(String id, UnaryOperator<StepState> change) {
    steps.put(id, change.apply(steps.get(id)));
    currentStep = id;
    publish();
  }

  void failed(String id, StepStatus stepStatus, String error, DeployStatus next) {
    lastError = id + ": " + error;
    status = next;
    step(id, s -> s.failed(Workflow.currentTimeMillis(), stepStatus, error));
  }

  void compensationFailed(String id, String error) {
    compensationFailures.add(id + ": " + error);
    step(id, s -> s.compensation(StepStatus.COMPENSATION_FAILED, error));
  }

  DeployProgress snapshot() {
    return new DeployProgress(deployment, status, currentStep, List.copyOf(steps.values()),
        lastError, List.copyOf(compensationFailures));
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

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("**Deploy ").append(deployment).append("**: ").append(status).append("\n\n");
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
