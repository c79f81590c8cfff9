package io.harnessdeployer.activities.ecs;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.TaskDefinitionsResult;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Spec §7.4: deregister every ACTIVE revision of one family, then delete every INACTIVE one in
 * batches of 10. Deleting the INACTIVE ones (not just those deregistered now) lets a retry finish
 * what an interrupted attempt began. Per-revision errors are reported, not thrown.
 */
final class TaskDefinitionCleaner {
  private final EcsClient ecs;

  TaskDefinitionCleaner(EcsClient ecs) {
    this.ecs = ecs;
  }

  TaskDefinitionsResult clean(String family) {
    List<String> failures = new ArrayList<>();
    int deregistered = 0;
    for (String arn : revisions(family, TaskDefinitionStatus.ACTIVE)) {
      try {
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn));
        deregistered++;
      } catch (SdkException e) {
        failures.add(arn + ": deregister failed: " + AwsFailures.classify("DeregisterTaskDefinition", e).getOriginalMessage());
      }
    }
    List<String> inactive = revisions(family, TaskDefinitionStatus.INACTIVE);
    int deleted = 0;
    for (int i = 0; i < inactive.size(); i += Names.DELETE_TASK_DEFINITIONS_BATCH) {
      List<String> batch = inactive.subList(i, Math.min(inactive.size(), i + Names.DELETE_TASK_DEFINITIONS_BATCH));
      try {
        var response = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(batch));
        deleted += response.hasTaskDefinitions() ? response.taskDefinitions().size() : 0;
        if (response.hasFailures()) {
          for (Failure f : response.failures()) {
            failures.add(f.arn() + ": delete failed: " + f.reason());
          }
        }
      } catch (SdkException e) {
        failures.add("batch of " + batch.size() + " from " + batch.get(0) + ": delete failed: "
            + AwsFailures.classify("DeleteTaskDefinitions", e).getOriginalMessage());
      }
    }
    return new TaskDefinitionsResult(family, deregistered, deleted, failures);
  }

  /** The family's revisions in one status; {@code familyPrefix} is a prefix match, so filter exactly. */
  private List<String> revisions(String family, TaskDefinitionStatus status) {
    try {
      return ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(status))
          .taskDefinitionArns().stream()
          .filter(arn -> family.equals(familyOf(arn)))
          .toList();
    } catch (SdkException e) {
      throw AwsFailures.classify("ECS ListTaskDefinitions " + family, e);
    }
  }

  /** {@code arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>} → family. */
  static String familyOf(String arn) {
    int slash = arn.lastIndexOf('/');
    int colon = arn.lastIndexOf(':');
    return slash < 0 || colon < slash ? arn : arn.substring(slash + 1, colon);
  }
}
