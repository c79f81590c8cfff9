package io.harnessdeployer.workflows.drift;

import java.util.List;

/**
 * The result of one drift check.
 *
 * @param checkedAt workflow time of the check, ISO-8601
 * @param resources every resource of the graph, in graph order
 * @param heal null unless heal was asked for and drift was found
 */
public record DriftReport(
    String deployment, String region, String checkedAt, List<ResourceDrift> resources, Heal heal) {
  public DriftReport {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** Whether anything was MODIFIED or DELETED (before any heal). */
  public boolean drifted() {
    return resources.stream().anyMatch(ResourceDrift::drifted);
  }

  /** {@code IN_SYNC}, {@code DRIFTED} or, after a heal, {@code HEALED} / {@code HEAL_FAILED}. */
  public String verdict() {
    if (!drifted()) {
      return "IN_SYNC";
    }
    if (heal == null) {
      return "DRIFTED";
    }
    return heal.succeeded() && heal.after().stream().noneMatch(ResourceDrift::drifted) ? "HEALED" : "HEAL_FAILED";
  }

  /** One line for the UI's current details and the CLI: {@code DRIFTED: secret DELETED, service MODIFIED}. */
  public String summary() {
    List<String> drifted = resources.stream().filter(ResourceDrift::drifted)
        .map(r -> r.id() + " " + r.status()).toList();
    long checked = resources.stream().filter(r -> r.status() != ResourceStatus.NOT_CHECKED).count();
    return drifted.isEmpty() ? verdict() + ": " + checked + " resources checked"
        : verdict() + ": " + String.join(", ", drifted);
  }
}
