package io.harnessdeployer.activities.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule and the one wording of a conflict, per kind and owner. */
class OwnershipTest {
  static final Scope OURS = new Scope(new DeploymentKey("us-east-1", "default"), "r1");
  static final Map<String, String> ORIGINAL_TOOL = Names.standardTags();

  @Test
  void ours_isNeverAConflict_anotherDeployments_always_untagged_byKind() {
    for (ResourceKind kind : ResourceKind.values()) {
      OwnershipClaim claim = new OwnershipClaim(kind, "n");
      assertEquals(Optional.empty(), Ownership.conflict(OURS, claim, OURS.tags()), kind.name());
      assertTrue(Ownership.conflict(OURS, claim,
          Map.of(Names.TAG_DEPLOYMENT, "us-west-2/default")).isPresent(), kind.name());
      boolean adopts = kind == ResourceKind.CLUSTER || kind == ResourceKind.BYO_SECRET;
      assertEquals(!adopts, Ownership.conflict(OURS, claim, ORIGINAL_TOOL).isPresent(), kind.name());
      assertEquals(!adopts, Ownership.conflict(OURS, claim, Map.of()).isPresent(), kind.name());
    }
  }

  @Test
  void theWording_namesResourceOwnerAndWayOut() {
    assertEquals("IAM role zscaler-mcp-harness-execution-role is owned by deployment us-west-2/default, not"
        + " us-east-1/default; deploy with another --name, set --role-name, or destroy us-west-2/default"
        + " first (destroy --region us-west-2 --name default)",
        Ownership.conflict(OURS, new OwnershipClaim(ResourceKind.HARNESS_ROLE, Names.HARNESS_ROLE),
            Map.of(Names.TAG_DEPLOYMENT, "us-west-2/default")).orElseThrow());
    assertEquals("ECS Express service s (cluster c) has no harness-deployer tag (made by the original tool"
        + " or by hand), so deployment us-east-1/default may not adopt it; deploy with another --name, set"
        + " --ecs-service-name, or take it over with `client adopt`",
        Ownership.conflict(OURS, new OwnershipClaim(ResourceKind.SERVICE, "s", "c"), ORIGINAL_TOOL).orElseThrow());
    assertTrue(Ownership.conflict(OURS, new OwnershipClaim(ResourceKind.BYO_SECRET, "team/z"),
            Map.of(Names.TAG_DEPLOYMENT, "us-east-1/prod")).orElseThrow()
        .contains("point ZSCALER_SECRET_NAME at a secret of your own, or destroy us-east-1/prod first"));
  }

  @Test
  void conflicts_areOneNumberedLine() {
    String m = Ownership.conflicts(List.of("a is x", "b is y")).getOriginalMessage();
    assertEquals("preflight: 2 resources are not this deployment's, nothing was written: (1) a is x (2) b is y", m);
  }

  @Test
  void quote_escapesControlCharacters_andShortensTo80() {
    assertEquals("a\\u000ab\\u001b[0m", Ownership.quote("a\nb\u001b[0m"));
    String q = Ownership.quote("x".repeat(500));
    assertEquals(80, q.length());
    assertTrue(q.endsWith("…"));
    assertFalse(Ownership.quote("ü/é").contains("\\u"), "unicode letters stay as they are");
  }
}
