package io.harnessdeployer.worker.destroy;

import static io.harnessdeployer.worker.destroy.DestroyRig.*;
import static io.harnessdeployer.workflows.destroy.DestroyOutcome.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.ResourceReport;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Destroy through the real activities against the emulator, after a real deploy: what is left is
 * read back through the emulator's control API, as exact sets.
 */
@Timeout(120)
class DestroyOnEmulatorTest {
  static final List<String> STEPS = List.of("harness", "credential-provider", "harness-role", "service",
      "task-definitions", "log-group", "cluster", "task-execution-role", "infrastructure-role", "secret");
  static final Set<CloudResource> NOTHING = Set.of();

  final DestroyRig rig = new DestroyRig();
  final ResourceNames names = ResourceNames.defaults();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void destroyAfterAFullDeploy_leavesNothingOfOurs_andASecondDestroyIsANoOp() {
    rig.deploy(rig.deployRequest().build());
    assertEquals(new TreeSet<>(fullDeploy(names)), rig.api.live().keySet());

    DestroyReport report = rig.destroy(rig.destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    assertEquals(every(DELETED), outcomes(report));
    assertEquals(NOTHING, rig.api.liveTagged(Names.TAG_DEPLOYMENT, TAG_VALUE));
    assertEquals(Map.of(), rig.api.live(), "nothing at all is left");
    assertEquals(Map.of(
            new CloudResource("ecs", "cluster", names.cluster()), "INACTIVE",
            new CloudResource("ecs", "express-service", names.service()), "INACTIVE",
            secret(names.secret()), "SCHEDULED_FOR_DELETION"),
        rig.api.tombstones(), "only what AWS keeps describable after a delete");

    long before = rig.api.lastSeq();
    DestroyReport again = rig.destroy(rig.destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, again.status(), again.toString());
    assertEquals(every(ALREADY_GONE), outcomes(again));
    assertEquals(List.of(), mutations(rig.api.operationsAfter(before)), "the second destroy changed nothing");
    assertEquals(Map.of(), rig.api.live());
  }

  @Test
  void forceSecretDelete_leavesNoRecoverableSecret() {
    rig.deploy(rig.deployRequest().build());

    DestroyReport report = rig.destroy(rig.destroyRequest().forceSecretDelete(true).build());

    assertEquals(every(DELETED), outcomes(report));
    assertEquals(Map.of(), rig.api.live());
    assertEquals(Set.of(new CloudResource("ecs", "cluster", names.cluster()),
        new CloudResource("ecs", "express-service", names.service())), rig.api.tombstones().keySet());
  }

  @Test
  void keepRole_keepsExactlyTheThreeRoles_andALaterDestroyRemovesThem() {
    keeps(b -> b.keepRole(true), roles(names), "--keep-role",
        Set.of("harness-role", "task-execution-role", "infrastructure-role"));
  }

  @Test
  void keepEcs_keepsExactlyClusterLogGroupServiceAndItsRevisions_andALaterDestroyRemovesThem() {
    keeps(b -> b.keepEcs(true), ecs(names), "--keep-ecs",
        Set.of("service", "task-definitions", "log-group", "cluster"));
  }

  @Test
  void keepSecret_keepsExactlyTheSecret_andALaterDestroyRemovesIt() {
    keeps(b -> b.keepSecret(true), Set.of(secret(names.secret())), "--keep-secret", Set.of("secret"));
  }

  @Test
  void aPreExistingClusterAndABringYourOwnSecret_surviveDestroy() {
    rig.aws.ecs(REGION).createCluster(r -> r.clusterName(names.cluster()));
    String byo = "team/zscaler-mcp";
    rig.aws.secrets(REGION).createSecret(r -> r.name(byo).secretString("{\"ZSCALER_CLIENT_ID\":\"zs-id\","
        + "\"ZSCALER_CLIENT_SECRET\":\"byo-secret-77\",\"ZSCALER_CUSTOMER_ID\":\"cust-1\","
        + "\"ZSCALER_VANITY_DOMAIN\":\"acme\"}"));
    var summary = rig.deploy(rig.deployRequest().secretMode(SecretMode.BRING_YOUR_OWN).byoSecretId(byo).build());
    assertEquals(Outcome.ADOPTED, summary.resources().stream()
        .filter(r -> r.step().equals("cluster")).findFirst().orElseThrow().outcome());

    DestroyReport report = rig.destroy(rig.destroyRequest().byoSecretId(byo).build());

    Map<String, DestroyOutcome> expected = every(DELETED);
    expected.put("cluster", KEPT_NOT_OURS);
    expected.put("secret", ALREADY_GONE); // the managed secret's name: never created in this mode
    expected.put("byo-secret", KEPT_NOT_OURS);
    assertEquals(expected, outcomes(report));
    assertEquals(DestroyStatus.DESTROYED, report.status());
    assertEquals(Map.of(new CloudResource("ecs", "cluster", names.cluster()), "ACTIVE", secret(byo), "ACTIVE"),
        rig.api.live(), "exactly the operator's own resources remain");
    assertEquals(NOTHING, rig.api.liveTagged(Names.TAG_DEPLOYMENT, TAG_VALUE));
  }

  @Test
  void aPersistentFaultOnOneDelete_failsOnlyThatResource_andARerunFinishes() {
    rig.deploy(rig.deployRequest().build());
    rig.api.fault("logs", "DeleteLogGroup", "AccessDeniedException", 1000);

    DestroyReport report = rig.destroy(rig.destroyRequest().build());

    assertEquals(DestroyStatus.DESTROY_FAILED, report.status());
    Map<String, DestroyOutcome> expected = every(DELETED);
    expected.put("log-group", FAILED);
    assertEquals(expected, outcomes(report));
    ResourceReport failure = report.failures().get(0);
    assertEquals(names.logGroup(), failure.name());
    assertTrue(failure.detail().contains("AccessDeniedException"), failure.detail());
    assertEquals(Set.of(new CloudResource("logs", "log-group", names.logGroup())),
        rig.api.liveTagged(Names.TAG_DEPLOYMENT, TAG_VALUE), "only the failed resource is left");
    assertEquals(Set.of(new CloudResource("logs", "log-group", names.logGroup())), rig.api.live().keySet());

    rig.api.clearFaults();
    DestroyReport rerun = rig.destroy(rig.destroyRequest().build());

    Map<String, DestroyOutcome> rest = every(ALREADY_GONE);
    rest.put("log-group", DELETED);
    assertEquals(rest, outcomes(rerun));
    assertEquals(Map.of(), rig.api.live());
  }

  /**
   * A destroy with one keep flag leaves exactly {@code kept} and reports exactly {@code keptSteps}
   * as kept by {@code flag}; a destroy without flags then removes what was kept.
   */
  private void keeps(UnaryOperator<DestroyRequest.Builder> flag, Set<CloudResource> kept, String flagName,
      Set<String> keptSteps) {
    rig.deploy(rig.deployRequest().build());

    DestroyReport report = rig.destroy(flag.apply(rig.destroyRequest()).build());

    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    Map<String, DestroyOutcome> expected = every(DELETED);
    keptSteps.forEach(s -> expected.put(s, KEPT_BY_FLAG));
    assertEquals(expected, outcomes(report));
    report.resources().stream().filter(r -> r.outcome() == KEPT_BY_FLAG)
        .forEach(r -> assertEquals("kept: " + flagName, r.detail()));
    assertEquals(tagged(kept), rig.api.liveTagged(Names.TAG_DEPLOYMENT, TAG_VALUE), "tagged resources left");
    assertEquals(new TreeSet<>(kept), rig.api.live().keySet(), "exactly what " + flagName + " names is left");

    DestroyReport later = rig.destroy(rig.destroyRequest().build());

    assertEquals(DestroyStatus.DESTROYED, later.status(), later.toString());
    assertEquals(Map.of(), rig.api.live());
  }

  /** Express registers task-definition revisions untagged: they are ours by the service's family. */
  private static Set<CloudResource> tagged(Set<CloudResource> kept) {
    return kept.stream().filter(r -> !r.type().equals("task-definition"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Map<String, DestroyOutcome> every(DestroyOutcome outcome) {
    Map<String, DestroyOutcome> m = new LinkedHashMap<>();
    STEPS.forEach(s -> m.put(s, outcome));
    return m;
  }

  static Map<String, DestroyOutcome> outcomes(DestroyReport report) {
    Map<String, DestroyOutcome> m = new LinkedHashMap<>();
    report.resources().forEach(r -> m.put(r.step(), r.outcome()));
    return m;
  }

  /** The calls that change something: creates, updates, deletes, tags. */
  static List<String> mutations(List<String> operations) {
    return operations.stream().filter(op -> !op.matches(".*\\.(Get|Describe|List|BatchGet).*")).toList();
  }
}
