package io.harnessdeployer.worker.destroy;

import static io.harnessdeployer.worker.destroy.DestroyRig.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.destroy.DestroyOutcome;
import io.harnessdeployer.workflows.destroy.DestroyReport;
import io.harnessdeployer.workflows.destroy.DestroyRequest;
import io.harnessdeployer.workflows.destroy.DestroyStatus;
import io.harnessdeployer.workflows.destroy.ResourceReport;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 8, names per deployment, against the emulator with the real activities and workflows: two
 * deployments in one region, one deployment name in two regions, and a destroy given other names
 * than the deploy used.
 */
@Timeout(180)
class DeploymentsApartOnEmulatorTest {
  final DestroyRig rig = new DestroyRig();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void twoDeploymentsInOneRegion_bothSucceed_withDisjointResources_eachTaggedForItself() {
    DeploymentKey alpha = new DeploymentKey(REGION, "alpha");
    DeploymentKey beta = new DeploymentKey(REGION, "beta");

    assertEquals(DeployStatus.SUCCEEDED, rig.deploy(request(alpha, ResourceNames.forDeployment(alpha))).status());
    assertEquals(DeployStatus.SUCCEEDED, rig.deploy(request(beta, ResourceNames.forDeployment(beta))).status());

    Map<String, Set<String>> byOwner = new TreeMap<>();
    Set<String> names = new HashSet<>();
    List<String> shared = new ArrayList<>();
    for (Map<String, Object> r : liveResources()) {
      String id = r.get("service") + " " + r.get("type") + " " + r.get("name");
      if (!names.add(id)) {
        shared.add(id);
      }
      if (!"task-definition".equals(r.get("type"))) { // Express registers revisions untagged
        byOwner.computeIfAbsent(String.valueOf(tags(r).get(Names.TAG_DEPLOYMENT)), k -> new TreeSet<>()).add(id);
      }
    }
    assertEquals(List.of(), shared, "no resource name is shared");
    assertEquals(Set.of(alpha.tagValue(), beta.tagValue()), byOwner.keySet(), "every resource is tagged for one of them");
    assertEquals(new TreeSet<>(expected(ResourceNames.forDeployment(alpha))), byOwner.get(alpha.tagValue()));
    assertEquals(new TreeSet<>(expected(ResourceNames.forDeployment(beta))), byOwner.get(beta.tagValue()));
  }

  @Test
  void oneNameInTwoRegions_bothSucceed_andTheSecondLeavesTheFirstRegionsRolesAsTheyWere() {
    DeploymentKey east = new DeploymentKey("us-east-1", "u6");
    DeploymentKey west = new DeploymentKey("us-west-2", "u6");
    ResourceNames eastNames = ResourceNames.forDeployment(east);
    ResourceNames westNames = ResourceNames.forDeployment(west);
    List<String> eastRoles = List.of(eastNames.harnessRole(), eastNames.taskExecutionRole(), eastNames.infrastructureRole());
    List<String> westRoles = List.of(westNames.harnessRole(), westNames.taskExecutionRole(), westNames.infrastructureRole());
    assertTrue(eastRoles.stream().noneMatch(westRoles::contains), "IAM is global: the role names differ by region");

    assertEquals(DeployStatus.SUCCEEDED, rig.deploy(request(east, eastNames)).status());
    Map<String, Map<String, Object>> before = describeRoles(eastRoles);
    long seq = rig.api.lastSeq();

    assertEquals(DeployStatus.SUCCEEDED, rig.deploy(request(west, westNames)).status());

    List<Map<String, Object>> touched = rig.api.requests().stream()
        .filter(r -> ((Number) r.get("seq")).longValue() > seq && "iam".equals(r.get("service")))
        .filter(r -> eastRoles.stream().anyMatch(role -> String.valueOf(r.get("parameters")).contains(role)))
        .toList();
    assertEquals(List.of(), touched, "the second region's deploy never asked IAM about the first one's roles");
    assertEquals(before, describeRoles(eastRoles), "trust, inline and managed policies and tags unchanged");
    for (String role : westRoles) {
      assertEquals(west.tagValue(), rig.aws.iam().listRoleTags(b -> b.roleName(role)).tags().stream()
          .filter(t -> t.key().equals(Names.TAG_DEPLOYMENT)).findFirst().orElseThrow().value());
    }
    String westReads = decoded(describeRoles(List.of(westNames.taskExecutionRole()))
        .get(westNames.taskExecutionRole()).get("inline"));
    String eastReads = decoded(before.get(eastNames.taskExecutionRole()).get("inline"));
    assertTrue(westReads.contains(":us-west-2:") && !westReads.contains(":us-east-1:secret"), westReads);
    assertTrue(eastReads.contains(":us-east-1:") && !eastReads.contains(":us-west-2:"),
        "the first region's role still reads only its own secret: " + eastReads);
  }

  @Test
  void destroyGivenOtherNamesThanTheDeployUsed_deletesEveryResourceOfTheDeployment_andSaysWhichNames() {
    DeploymentKey key = new DeploymentKey(REGION, "u6");
    // as `deploy --name u6 --harness-name custom_h --ecs-cluster-name team-cluster ...` would make them
    ResourceNames custom = new ResourceNames("custom_h", "custom-harness-role", "custom-creds", "team-cluster",
        "custom-server", "custom-exec-role", "custom-infra-role", "/ecs/custom", "custom/credentials");
    assertEquals(DeployStatus.SUCCEEDED, rig.deploy(request(key, custom)).status());
    assertEquals(9, rig.api.liveTagged(Names.TAG_DEPLOYMENT, key.tagValue()).size(), "9 tagged resources");
    assertEquals(11, rig.api.live().size(), "and 2 untagged task-definition revisions");

    // `destroy --name u6 --yes` without the name flags: the deployment's own default names
    DestroyReport report = rig.destroy(DestroyRequest.builder(key.name(), key.region())
        .names(ResourceNames.forDeployment(key)).build());

    assertEquals(DestroyStatus.DESTROYED, report.status(), report.toString());
    Map<String, String> used = new LinkedHashMap<>();
    for (ResourceReport r : report.resources()) {
      assertEquals(DestroyOutcome.DELETED, r.outcome(), r.toString());
      used.put(r.step(), r.name());
    }
    assertEquals(Map.of("harness", "custom_h", "credential-provider", "custom-creds",
        "harness-role", "custom-harness-role", "service", "custom-server",
        "task-definitions", Names.taskDefinitionFamily("team-cluster", "custom-server"), "log-group", "/ecs/custom",
        "cluster", "team-cluster", "task-execution-role", "custom-exec-role", "infrastructure-role", "custom-infra-role",
        "secret", "custom/credentials"), used, "the report names what it deleted");
    assertEquals(9, report.notes().stream().filter(n -> n.contains("found by this deployment's tag")).count(),
        report.notes().toString());
    assertEquals(Set.of(), rig.api.liveTagged(Names.TAG_DEPLOYMENT, key.tagValue()));
    assertEquals(Map.of(), rig.api.live(), "zero resources remain");
  }

  private DeployRequest request(DeploymentKey key, ResourceNames names) {
    return DeployRequest.builder(key.name(), key.region(),
            new ZscalerCredentials("zs-id", "zs-secret-apart-77", "cust-1", "acme", null).seal(rig.key))
        .names(names)
        .containerEnv(Map.of("ZSCALER_MCP_WRITE_ENABLED", "false"))
        .build();
  }

  /** The tagged resources a full deploy makes (no task definitions), as "service type name". */
  private static Set<String> expected(ResourceNames n) {
    Set<String> out = new TreeSet<>();
    fullDeploy(n).stream().filter(r -> !r.type().equals("task-definition")).forEach(r -> out.add(r.toString()));
    return out;
  }

  private List<Map<String, Object>> liveResources() {
    return rig.api.resources().stream()
        .filter(r -> !Set.of("INACTIVE", "SCHEDULED_FOR_DELETION", "DELETED").contains(r.get("status"))).toList();
  }

  /** IAM returns policy documents URL-encoded. */
  private static String decoded(Object policies) {
    return java.net.URLDecoder.decode(String.valueOf(policies), java.nio.charset.StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tags(Map<String, Object> r) {
    Object tags = r.get("tags");
    return tags == null ? Map.of() : (Map<String, String>) tags;
  }

  /** Each role's full describe: the role (trust, description, tags), inline policies, managed policies, tags. */
  private Map<String, Map<String, Object>> describeRoles(List<String> roles) {
    IamClient iam = rig.aws.iam();
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (String role : roles) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("role", iam.getRole(b -> b.roleName(role)).role().toString());
      Map<String, String> inline = new TreeMap<>();
      for (String policy : iam.listRolePolicies(b -> b.roleName(role)).policyNames()) {
        inline.put(policy, iam.getRolePolicy(b -> b.roleName(role).policyName(policy)).policyDocument());
      }
      d.put("inline", inline);
      d.put("managed", iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies().toString());
      d.put("tags", iam.listRoleTags(b -> b.roleName(role)).tags().toString());
      out.put(role, d);
    }
    return out;
  }
}
