package io.harnessdeployer.worker;

import io.harnessdeployer.workflows.Registration;
import io.harnessdeployer.workflows.adopt.AdoptWorkflowImpl;
import io.harnessdeployer.workflows.deploy.DeployWorkflowImpl;
import io.harnessdeployer.workflows.destroy.DestroyWorkflowImpl;
import io.harnessdeployer.workflows.drift.DriftCheckWorkflowImpl;
import io.harnessdeployer.workflows.plan.PlanWorkflowImpl;
import io.harnessdeployer.activities.aws.ScopedRole;
import io.harnessdeployer.worker.metrics.StepMetrics;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers everything our task queue serves on one worker; {@code client dev} reuses it. */
public final class Workers {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);

  /** The workflow implementations this build hosts. */
  static final List<Class<?>> WORKFLOWS = List.of(DeployWorkflowImpl.class, DestroyWorkflowImpl.class,
      AdoptWorkflowImpl.class, DriftCheckWorkflowImpl.class, PlanWorkflowImpl.class);

  private Workers() {}

  /** Every AWS call of an activity signs as its deployment's role, if it has one ({@link ScopedRole}). */
  public static WorkerFactoryOptions factoryOptions() {
    return WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new ScopedRole()).build();
  }

  /** As {@link #factoryOptions()}, and each step timed and its retries counted ({@link StepMetrics}). */
  public static WorkerFactoryOptions factoryOptions(StepMetrics steps) {
    return WorkerFactoryOptions.newBuilder().setWorkerInterceptors(steps, new ScopedRole()).build();
  }

  public static void register(Worker worker, ActivityDeps deps) {
    worker.registerWorkflowImplementationTypes(Registration.options(), WORKFLOWS.toArray(Class<?>[]::new));
    List<Object> activities = deps.activities();
    worker.registerActivitiesImplementations(activities.toArray());
    log.info("worker on {}: workflows {}, activities {}", worker.getTaskQueue(),
        WORKFLOWS.stream().map(Class::getSimpleName).toList(),
        activities.stream().map(a -> a.getClass().getSimpleName()).toList());
  }
}
