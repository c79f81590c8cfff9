package io.harnessdeployer.emulator.services.ecs;

import static io.harnessdeployer.emulator.services.ecs.EcsRig.container;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.in;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.list;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.serverEnv;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.struct;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsClusterTest {
  private final EcsRig rig = new EcsRig().withRoles();
  private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/zscaler-mcp";

  @Test
  void createCluster_whenNameIsActive_returnsTheExistingClusterUnchanged() {
    Map<String, Object> first = struct(rig.createCluster("zscaler-mcp"), "cluster");
    assertEquals(CLUSTER_ARN, first.get("clusterArn"));
    assertEquals("ACTIVE", first.get("status"));
    assertEquals(tags("managed-by", "zscaler-mcp-harness"), first.get("tags"));

    Map<String, Object> again =
        struct(rig.call("CreateCluster", in("clusterName", "zscaler-mcp", "tags", tags("other", "x"))), "cluster");
    assertEquals(tags("managed-by", "zscaler-mcp-harness"), again.get("tags"));
  }

  @Test
  void describeClusters_returnsTagsOnlyWhenAskedAndReportsMissingNames() {
    rig.createCluster("zscaler-mcp");
    Map<String, Object> plain = rig.call("DescribeClusters", in("clusters", List.of("zscaler-mcp", "nope")));
    assertNull(list(plain, "clusters").get(0).get("tags"));
    assertEquals(
        List.of(Map.of("arn", "arn:aws:ecs:us-east-1:123456789012:cluster/nope", "reason", "MISSING")),
        plain.get("failures"));

    Map<String, Object> tagged =
        rig.call("DescribeClusters", in("clusters", List.of(CLUSTER_ARN), "include", List.of("TAGS")));
    assertEquals(tags("managed-by", "zscaler-mcp-harness"), list(tagged, "clusters").get(0).get("tags"));
  }

  @Test
  void describeClusters_withoutNames_meansTheDefaultCluster() {
    Map<String, Object> none = rig.call("DescribeClusters", in());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/default", list(none, "failures").get(0).get("arn"));
    rig.call("CreateCluster", in());
    assertEquals("default", list(rig.call("DescribeClusters", in()), "clusters").get(0).get("clusterName"));
  }

  @Test
  void deleteCluster_leavesAnInactiveClusterThatANewCreateReplaces() {
    rig.fails("ClusterNotFoundException", "DeleteCluster", in("cluster", "zscaler-mcp"));
    rig.createCluster("zscaler-mcp");

    assertEquals("INACTIVE", struct(rig.call("DeleteCluster", in("cluster", CLUSTER_ARN)), "cluster").get("status"));
    Map<String, Object> described = rig.call("DescribeClusters", in("clusters", List.of("zscaler-mcp")));
    assertEquals("INACTIVE", list(described, "clusters").get(0).get("status"));
    rig.fails("ClusterNotFoundException", "DeleteCluster", in("cluster", "zscaler-mcp"));
    rig.fails("ClusterNotFoundException", "ListServices", in("cluster", "zscaler-mcp"));

    Map<String, Object> recreated =
        struct(rig.call("CreateCluster", in("clusterName", "zscaler-mcp", "tags", tags("new", "1"))), "cluster");
    assertEquals("ACTIVE", recreated.get("status"));
    assertEquals(tags("new", "1"), recreated.get("tags"));
  }

  @Test
  void deleteCluster_isRefusedWhileAServiceIsActiveOrDraining() {
    rig.createCluster("zscaler-mcp");
    String arn = (String) rig.createService("zscaler-mcp", "svc", container("img:1", serverEnv(), List.of())).get("serviceArn");
    assertEquals(1, activeServicesCount());
    rig.fails("ClusterContainsServicesException", "DeleteCluster", in("cluster", "zscaler-mcp"));

    rig.call("DeleteExpressGatewayService", in("serviceArn", arn));
    assertEquals(0, activeServicesCount());
    rig.advance(EcsRig.DRAIN.minusSeconds(1));
    rig.fails("ClusterContainsServicesException", "DeleteCluster", in("cluster", "zscaler-mcp"));

    rig.advance(Duration.ofSeconds(1));
    assertEquals("INACTIVE", struct(rig.call("DeleteCluster", in("cluster", "zscaler-mcp")), "cluster").get("status"));
  }

  @Test
  void listServices_pagesAndHidesDrainingAndInactiveServices() {
    rig.createCluster("c");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      created.add((String) rig.createService("c", "s" + i, container("img:1", serverEnv(), List.of())).get("serviceArn"));
    }
    Map<String, Object> first = rig.call("ListServices", in("cluster", "c"));
    assertEquals(created.subList(0, 10), first.get("serviceArns"));
    Map<String, Object> second = rig.call("ListServices", in("cluster", "c", "nextToken", first.get("nextToken")));
    assertEquals(created.subList(10, 12), second.get("serviceArns"));
    assertFalse(second.containsKey("nextToken"));

    rig.call("DeleteExpressGatewayService", in("serviceArn", created.get(0)));
    Map<String, Object> all = rig.call("ListServices", in("cluster", "c", "maxResults", 100));
    assertEquals(created.subList(1, 12), all.get("serviceArns"));
    rig.advance(EcsRig.DRAIN);
    assertEquals(11, ((List<?>) rig.call("ListServices", in("cluster", "c", "maxResults", 100)).get("serviceArns")).size());

    rig.fails("InvalidParameterException", "ListServices", in("cluster", "c", "maxResults", 0));
    rig.fails("ClusterNotFoundException", "ListServices", in("cluster", "missing"));
  }

  @Test
  void tags_canBeAddedListedAndRemovedOnClustersAndServices() {
    rig.createCluster("c");
    String service = (String) rig.createService("c", "s", container("img:1", serverEnv(), List.of())).get("serviceArn");
    String cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/c";

    rig.call("TagResource", in("resourceArn", cluster, "tags", tags("a", "1", "managed-by", "changed")));
    assertEquals(
        tags("managed-by", "changed", "a", "1"), rig.call("ListTagsForResource", in("resourceArn", cluster)).get("tags"));
    rig.call("UntagResource", in("resourceArn", cluster, "tagKeys", List.of("managed-by")));
    assertEquals(tags("a", "1"), rig.call("ListTagsForResource", in("resourceArn", cluster)).get("tags"));

    rig.call("TagResource", in("resourceArn", service, "tags", tags("b", "2")));
    assertTrue(((List<?>) rig.call("ListTagsForResource", in("resourceArn", service)).get("tags")).contains(Map.of("key", "b", "value", "2")));

    rig.fails("ClusterNotFoundException", "ListTagsForResource", in("resourceArn", cluster + "x"));
    rig.fails("ResourceNotFoundException", "TagResource", in("resourceArn", service + "x", "tags", tags("k", "v")));
    rig.fails("InvalidParameterException", "ListTagsForResource", in("resourceArn", "not-an-arn"));
  }

  private int activeServicesCount() {
    return (int) list(rig.call("DescribeClusters", in("clusters", List.of("zscaler-mcp"))), "clusters").get(0).get("activeServicesCount");
  }
}
