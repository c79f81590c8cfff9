package io.harnessdeployer.workflows.destroy;

import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.steps.TaggedResources;
import io.harnessdeployer.workflows.steps.TaggedService;
import java.util.ArrayList;
import java.util.List;

/**
 * Which name destroy uses per resource: the given one when a resource of that name carries this
 * deployment's tag, or when none of its kind does; else the tagged one (the deploy used other
 * names than destroy was given). Notes say what was found by tag, and what else carries the tag
 * but is not deleted by this run (one resource per kind). Pure: workflow code.
 */
final class TaggedNames {
  private TaggedNames() {}

  record Choice(ResourceNames names, List<String> notes) {}

  static Choice choose(ResourceNames given, TaggedResources tagged) {
    List<String> notes = new ArrayList<>();
    String cluster = pick("ECS cluster", given.cluster(), tagged.clusters(), notes);
    TaggedService service = service(given.service(), cluster, tagged, notes);
    List<String> otherServices = tagged.services().stream().filter(s -> !s.equals(service))
        .map(s -> s.name() + " (cluster " + s.cluster() + ")").toList();
    if (!otherServices.isEmpty()) {
      notes.add("also tagged for this deployment, not deleted by this run: ECS service "
          + String.join(", ", otherServices));
    }
    ResourceNames names = new ResourceNames(
        pick("harness", given.harness(), tagged.harnesses(), notes),
        pick("harness role", given.harnessRole(), harnessRoles(given, tagged), notes),
        pick("credential provider", given.apiKeyProvider(), tagged.tokenVaultProviders(), notes),
        service.cluster(),
        service.name(),
        pick("ECS task execution role", given.taskExecutionRole(), tagged.taskExecutionRoles(), notes),
        pick("ECS infrastructure role", given.infrastructureRole(), tagged.infrastructureRoles(), notes),
        pick("log group", given.logGroup(), tagged.logGroups(), notes),
        pick("secret", given.secret(), tagged.secrets(), notes))
        .withGateway(given.gateway()); // the gateway topology's are not looked up by tag: the given ones
    return new Choice(names, List.copyOf(notes));
  }

  /**
   * Tagged roles that could be the harness's: not the gateway topology's Runtime and Gateway roles,
   * which carry the tag too and are deleted under their given names.
   */
  private static List<String> harnessRoles(ResourceNames given, TaggedResources tagged) {
    List<String> gatewayRoles = given.gateway() == null ? List.of()
        : List.of(given.gateway().runtimeRole(), given.gateway().gatewayRole());
    return tagged.harnessRoles().stream().filter(r -> !gatewayRoles.contains(r)).toList();
  }

  /**
   * The service and the cluster both its delete and the cluster's use. A tagged service in another
   * cluster moves the cluster only when no cluster is tagged (a pre-existing cluster, kept as not
   * ours); else it is named in a note.
   */
  private static TaggedService service(String given, String cluster, TaggedResources tagged, List<String> notes) {
    List<TaggedService> services = tagged.services();
    TaggedService wanted = new TaggedService(cluster, given);
    if (services.isEmpty() || services.contains(wanted)) {
      return wanted;
    }
    TaggedService found = services.stream().filter(s -> s.cluster().equals(cluster)).findFirst()
        .orElse(services.get(0));
    if (!found.cluster().equals(cluster) && !tagged.clusters().isEmpty()) {
      return wanted; // the note on the other services names it
    }
    notes.add(foundNote("ECS service", given + " (cluster " + cluster + ")",
        found.name() + " (cluster " + found.cluster() + ")"));
    return found;
  }

  private static String pick(String kind, String given, List<String> tagged, List<String> notes) {
    if (tagged.isEmpty() || tagged.contains(given)) {
      others(kind, given, tagged, notes);
      return given;
    }
    String found = tagged.get(0);
    notes.add(foundNote(kind, given, found));
    others(kind, found, tagged, notes);
    return found;
  }

  private static void others(String kind, String used, List<String> tagged, List<String> notes) {
    List<String> others = tagged.stream().filter(t -> !t.equals(used)).toList();
    if (!others.isEmpty()) {
      notes.add("also tagged for this deployment, not deleted by this run: " + kind + " " + String.join(", ", others));
    }
  }

  private static String foundNote(String kind, String given, String found) {
    return kind + " " + found + " found by this deployment's tag (given name " + given + ")";
  }
}
