package io.harnessdeployer.workflows.topology;

import static io.harnessdeployer.workflows.topology.Settings.KEEP_ECS;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_ROLE;
import static io.harnessdeployer.workflows.topology.Settings.KEEP_SECRET;

import io.harnessdeployer.workflows.destroy.DestroyRequest;
import java.util.ArrayList;
import java.util.List;

/** What --keep-ecs leaves running, and what it needs that the other flags did not keep. */
public final class DestroyNotes {
  private DestroyNotes() {}

  public static List<String> of(DestroyRequest req) {
    List<String> notes = new ArrayList<>();
    if (!req.keepEcs()) {
      return notes;
    }
    notes.add(KEEP_ECS + ": the ECS Express service (if it exists) keeps running and costs money"
        + " (load balancer and at least one task) until a destroy without " + KEEP_ECS);
    if (!req.keepRole()) {
      notes.add(KEEP_ECS + " without " + KEEP_ROLE + ": the kept service's task execution and"
          + " infrastructure roles are deleted, so it cannot start new tasks (the seed's " + KEEP_ECS
          + " kept them; add " + KEEP_ROLE + " for that)");
    }
    boolean byo = req.byoSecretId() != null && !req.byoSecretId().isBlank();
    if (!req.keepSecret() && !byo) {
      notes.add(KEEP_ECS + " without " + KEEP_SECRET + ": the managed secret the kept service reads"
          + " is deleted (the seed's " + KEEP_ECS + " kept it; add " + KEEP_SECRET + " for that)");
    }
    return notes;
  }
}
