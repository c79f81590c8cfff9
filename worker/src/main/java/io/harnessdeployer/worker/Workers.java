package io.harnessdeployer.worker;

import io.temporal.worker.Worker;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers everything our task queue serves on one worker; {@code client dev} reuses it. */
public final class Workers {
  private static final Logger log = LoggerFactory.getLogger(Workers.class);

  /**
   * The workflow implementations this build hosts. Add each one here as it lands (DeployWorkflowImpl
   * lives on branch saga, destroy and drift follow).
   */
  static final List<Class<?>> WORKFLOWS = List.of();

  private Workers() {}

  public static void register(Worker worker, ActivityDeps deps) {
    if (!WORKFLOWS.isEmpty()) {
      worker.registerWorkflowImplementationTypes(WORKFLOWS.toArray(Class<?>[]::new));
    }
    List<Object> activities = deps.activities();
    worker.registerActivitiesImplementations(activities.toArray());
    log.info("worker on {}: workflows {}, activities {}", worker.getTaskQueue(),
        WORKFLOWS.stream().map(Class::getSimpleName).toList(),
        activities.stream().map(a -> a.getClass().getSimpleName()).toList());
  }
}
