package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/** ECS cluster and Express Gateway service (spec §7b, §8, §7.4, §7.5). */
@ActivityInterface
public interface EcsActivities {
  /**
   * DescribeClusters(include TAGS). ACTIVE → ADOPTED (whoever owns it; CREATED if it carries this
   * run's tag); PROVISIONING/DEPROVISIONING → {@code ResourceBusy}; FAILED → deleted if ours, then
   * created; missing/INACTIVE → CreateCluster with {@link Scope#tags()} → CREATED. A pre-existing
   * cluster never gets our tags, so neither rollback nor destroy deletes it. Compensation: {@link
   * #deleteCluster} (THIS_RUN).
   */
  ResourceRef ensureCluster(ClusterSpec spec);

  /**
   * Finds the service by cluster and name. Missing → CreateExpressGatewayService with {@link
   * Scope#tags()} → CREATED. Present → compares image, health path, secrets and env (with the
   * allowed-hosts merge of {@link ServiceSpec#allowedHost()}); any difference →
   * UpdateExpressGatewayService → UPDATED with {@code changes}; none → ADOPTED. With {@link
   * ServiceSpec#secretRotated()} it is updated even when nothing differs, {@code changes} naming
   * {@link ServiceRef#SECRET_VERSION}: every update is a new deployment, whose tasks read the
   * secret's new version when they start. A service this run
   * created stays CREATED (its undo must stay registered) even when it was updated, so {@code
   * changes} non-empty, not the outcome, says that a rollout was started and {@link
   * #awaitServiceRollout} is due. A service that is not an Express service, or not ours, → {@code
   * Conflict}. Compensation: {@link #deleteService}, {@link #awaitServiceGone}, {@link
   * #deleteTaskDefinitions}.
   */
  ServiceRef ensureService(ServiceSpec spec);

  /**
   * Polls DescribeExpressGatewayService ({@code wait.id()} = service ARN) until ACTIVE with a PUBLIC
   * endpoint. INACTIVE → {@code Unhealthy}; deadline → {@code Timeout} naming the last status.
   */
  ServiceStatus awaitServiceActive(WaitSpec wait);

  /**
   * After an update: polls until the newest configuration is the one serving (rollout finished),
   * ACTIVE with a PUBLIC endpoint. A failed or rolled-back rollout → {@code Unhealthy}; deadline →
   * {@code Timeout}.
   */
  ServiceStatus awaitServiceRollout(WaitSpec wait);

  /**
   * DeleteExpressGatewayService if the service carries the required tag; missing → ALREADY_GONE.
   * The result's id is the service ARN whenever the service was found (for {@link
   * #awaitServiceGone}).
   */
  DeleteResult deleteService(ServiceDelete input);

  /** Polls until INACTIVE or not found (status GONE); DRAINING is waited through. */
  ServiceStatus awaitServiceGone(WaitSpec wait);

  /**
   * ListTaskDefinitions(ACTIVE) of the family → DeregisterTaskDefinition each → DeleteTaskDefinitions
   * in batches of 10 (spec §7.4). Per-revision failures are reported, not thrown.
   */
  TaskDefinitionsResult deleteTaskDefinitions(TaskDefinitionCleanup input);

  /**
   * DeleteCluster if the cluster carries the required tag; missing → ALREADY_GONE. While services or
   * tasks drain it throws the retryable {@code ResourceBusy}: call it with {@code
   * StepOptions.untilNotBusy} (spec §7.5: every 15 s for up to 180 s).
   */
  DeleteResult deleteCluster(ResourceDelete input);

  /** Read-only: status and tags of cluster {@code input.id()}; missing or INACTIVE → {@code exists=false}. */
  Observed describeCluster(Lookup input);

  /**
   * Read-only: service {@code input.id()} in cluster {@code input.within()}, its serving
   * configuration as {@code image}, {@code environment} (credential values as {@code <sealed>}, the
   * own endpoint host in the allowed hosts as {@code <endpoint>}), {@code secrets} (name →
   * valueFrom), {@code healthCheckPath}, {@code executionRoleArn}; status and tags. Missing (or
   * draining, which ListServices no longer lists) → {@code exists=false}.
   */
  Observed describeService(Lookup input);
}
