package io.harnessdeployer.emulator.services.ecs;

import static io.harnessdeployer.emulator.services.ecs.EcsRig.container;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.in;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.list;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.serverEnv;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {
  private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
  private static final String FAMILY = "zscaler-mcp-zscaler-mcp-server";
  private final EcsRig rig = new EcsRig().withRoles();

  /** Twelve revisions of the deployer's family, and one revision each of two look-alike families. */
  @BeforeEach
  void twelveRevisions() {
    rig.call("CreateCluster", in("clusterName", "zscaler-mcp"));
    String arn = (String) rig.createService("zscaler-mcp", "zscaler-mcp-server", container("img:0", serverEnv(), List.of())).get("serviceArn");
    for (int i = 1; i < 12; i++) {
      rig.call("UpdateExpressGatewayService", in("serviceArn", arn, "primaryContainer", container("img:" + i, serverEnv(), List.of())));
    }
    rig.createService("zscaler-mcp", "zscaler-mcp-server2", container("img", serverEnv(), List.of()));
    rig.call("CreateCluster", in("clusterName", "a"));
    rig.createService("a", "b", container("img", serverEnv(), List.of()));
  }

  @Test
  void listTaskDefinitions_filtersByFullFamilyNameSortsAndPages() {
    Map<String, Object> page = rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "maxResults", 5));
    assertEquals(arns(1, 5), page.get("taskDefinitionArns"));
    List<String> all = new ArrayList<>(arns(1, 5));
    while (page.containsKey("nextToken")) {
      page = rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "maxResults", 5, "nextToken", page.get("nextToken")));
      all.addAll(strings(page));
    }
    assertEquals(arns(1, 12), all);

    List<String> desc = strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "sort", "DESC")));
    assertEquals(PREFIX + FAMILY + ":12", desc.get(0));
    assertEquals(
        List.of(PREFIX + "a-b:1", PREFIX + FAMILY + ":1"),
        strings(rig.call("ListTaskDefinitions", in())).subList(0, 2));
    assertEquals(14, strings(rig.call("ListTaskDefinitions", in())).size());
    rig.fails("InvalidParameterException", "ListTaskDefinitions", in("maxResults", 101));
  }

  @Test
  void cleanup_deregistersThenDeletesInBatchesOfTen() {
    List<String> active = strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY)));
    Map<String, Object> stillActive = rig.call("DeleteTaskDefinitions", in("taskDefinitions", active.subList(0, 1)));
    assertEquals(
        List.of(Map.of("arn", active.get(0), "reason",
            "The specified task definition is still in ACTIVE status. Please deregister the target and try again.")),
        stillActive.get("failures"));

    for (String arn : active) {
      Map<String, Object> td = struct(rig.call("DeregisterTaskDefinition", in("taskDefinition", arn)), "taskDefinition");
      assertEquals("INACTIVE", td.get("status"));
    }
    assertEquals(List.of(), strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY))));
    assertEquals(active, strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "status", "INACTIVE"))));

    rig.fails("InvalidParameterException", "DeleteTaskDefinitions", in("taskDefinitions", active.subList(0, 11)));
    rig.fails("InvalidParameterException", "DeleteTaskDefinitions", in("taskDefinitions", List.of()));
    Map<String, Object> batch = rig.call("DeleteTaskDefinitions", in("taskDefinitions", active.subList(0, 10)));
    assertEquals(List.of(), batch.get("failures"));
    assertEquals(10, list(batch, "taskDefinitions").size());
    assertEquals("DELETE_IN_PROGRESS", list(batch, "taskDefinitions").get(0).get("status"));
    rig.call("DeleteTaskDefinitions", in("taskDefinitions", active.subList(10, 12)));
    assertEquals(active, strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "status", "DELETE_IN_PROGRESS"))));

    rig.advance(EcsRig.DRAIN);
    assertEquals(List.of(), strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY, "status", "DELETE_IN_PROGRESS"))));
    rig.fails("ClientException", "DescribeTaskDefinition", in("taskDefinition", active.get(0)));
    Map<String, Object> gone = rig.call("DeleteTaskDefinitions", in("taskDefinitions", active.subList(0, 1)));
    assertEquals(
        "The specified task definition does not exist. Specify a valid account, family, revision and try again.",
        list(gone, "failures").get(0).get("reason"));
  }

  @Test
  void describeAndDeregister_resolveFamilyRevisionAndArns() {
    Map<String, Object> latest = struct(rig.call("DescribeTaskDefinition", in("taskDefinition", FAMILY)), "taskDefinition");
    assertEquals(12, latest.get("revision"));
    assertEquals(3, struct(rig.call("DescribeTaskDefinition", in("taskDefinition", FAMILY + ":3")), "taskDefinition").get("revision"));
    rig.fails("ClientException", "DeregisterTaskDefinition", in("taskDefinition", FAMILY));
    rig.fails("ClientException", "DeregisterTaskDefinition", in("taskDefinition", FAMILY + ":99"));
    rig.call("DeregisterTaskDefinition", in("taskDefinition", FAMILY + ":12"));
    assertEquals(11, struct(rig.call("DescribeTaskDefinition", in("taskDefinition", FAMILY)), "taskDefinition").get("revision"));
    Map<String, Object> deregistered =
        struct(rig.call("DescribeTaskDefinition", in("taskDefinition", PREFIX + FAMILY + ":12")), "taskDefinition");
    assertEquals("INACTIVE", deregistered.get("status"));
    assertEquals(rig.clock.now, deregistered.get("deregisteredAt"));
  }

  @Test
  void revisionNumbers_areNeverReusedAfterDeletion() {
    rig.call("DeregisterTaskDefinition", in("taskDefinition", FAMILY + ":12"));
    rig.call("DeleteTaskDefinitions", in("taskDefinitions", List.of(FAMILY + ":12")));
    rig.advance(Duration.ofMinutes(1));
    String arn = "arn:aws:ecs:us-east-1:123456789012:service/zscaler-mcp/zscaler-mcp-server";
    Map<String, Object> updated = rig.call("UpdateExpressGatewayService", in("serviceArn", arn, "cpu", "2048"));
    assertEquals(PREFIX + FAMILY + ":13", struct(struct(updated, "service"), "targetConfiguration").get("taskDefinitionArn"));
    assertFalse(strings(rig.call("ListTaskDefinitions", in("familyPrefix", FAMILY))).contains(PREFIX + FAMILY + ":12"));
  }

  private static List<String> arns(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> PREFIX + FAMILY + ":" + i).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> page) {
    return (List<String>) page.get("taskDefinitionArns");
  }
}
