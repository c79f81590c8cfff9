package io.harnessdeployer.workflows.adopt;

import static io.harnessdeployer.workflows.common.FailureTypes.VALIDATION;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.topology.EcsTopology;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resources of an ecs deployment the original tool made, in the topology's order and under
 * its step ids. The task definitions are not among them: Express registers them untagged, and
 * destroy deletes them with the service they belong to.
 */
public final class AdoptTargets {
  private AdoptTargets() {}

  public static List<AdoptTarget> of(AdoptRequest r) {
    ResourceNames n = r.names();
    List<AdoptTarget> out = new ArrayList<>();
    if (r.ecsHost()) {
      if (!byoSecret(r)) {
        out.add(AdoptTarget.of(EcsTopology.SECRET, AdoptKind.SECRET, n.secret()));
      }
      out.add(AdoptTarget.of(EcsTopology.TASK_EXECUTION_ROLE, AdoptKind.IAM_ROLE, n.taskExecutionRole()));
      out.add(AdoptTarget.of(EcsTopology.INFRASTRUCTURE_ROLE, AdoptKind.IAM_ROLE, n.infrastructureRole()));
      out.add(AdoptTarget.of(EcsTopology.CLUSTER, AdoptKind.ECS_CLUSTER, n.cluster()));
      out.add(AdoptTarget.of(EcsTopology.LOG_GROUP, AdoptKind.LOG_GROUP, n.logGroup()));
      out.add(new AdoptTarget(EcsTopology.SERVICE, AdoptKind.ECS_SERVICE, n.service(), n.cluster(), null));
    }
    out.add(AdoptTarget.of(EcsTopology.PROVIDER, AdoptKind.API_KEY_PROVIDER, n.apiKeyProvider()));
    out.add(AdoptTarget.of(EcsTopology.HARNESS_ROLE, AdoptKind.IAM_ROLE, n.harnessRole()));
    out.add(new AdoptTarget(EcsTopology.HARNESS, AdoptKind.HARNESS, n.harness(), null, blankToNull(r.harnessId())));
    return out;
  }

  /** What the person should know beside the table. */
  public static List<String> notes(AdoptRequest r) {
    List<String> notes = new ArrayList<>();
    if (r.ecsHost() && byoSecret(r)) {
      notes.add("secret " + r.byoSecretId() + " is the original's bring-your-own secret: never tagged or deleted");
    }
    if (r.ecsHost()) {
      notes.add("task definitions " + Names.taskDefinitionFamily(r.names().cluster(), r.names().service())
          + " follow the service: destroy deletes them with it");
    }
    return notes;
  }

  static boolean byoSecret(AdoptRequest r) {
    return r.byoSecretId() != null && !r.byoSecretId().isBlank();
  }

  /** Input checks before any AWS call; failures are non-retryable {@code Validation}. */
  static void validate(AdoptRequest r) {
    if (r == null) {
      throw invalid("an AdoptRequest is required");
    }
    try {
      new DeploymentKey(r.region(), r.deploymentName());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    ResourceNames n = r.names();
    if (n == null || Stream.of(n.harness(), n.harnessRole(), n.apiKeyProvider(), n.cluster(), n.service(),
            n.taskExecutionRole(), n.infrastructureRole(), n.logGroup(), n.secret())
        .anyMatch(name -> name == null || name.isBlank())) {
      throw invalid("every resource name is required: " + n);
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, VALIDATION);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
