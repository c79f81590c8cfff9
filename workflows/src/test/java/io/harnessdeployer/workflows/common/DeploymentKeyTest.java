package io.harnessdeployer.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.steps.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentKeyTest {
  @Test
  void deployAndDestroyShareOneWorkflowId_tagValueIsRegionSlashName() {
    DeploymentKey key = new DeploymentKey("eu-central-1", "prod_1");
    assertEquals("harness-deployer/eu-central-1/prod_1", key.workflowId());
    assertEquals("eu-central-1/prod_1", key.tagValue());
  }

  @Test
  void rejectsWhatCouldNotBeATagValueOrRegion() {
    assertThrows(IllegalArgumentException.class, () -> new DeploymentKey("moon-1", "dev"));
    assertThrows(IllegalArgumentException.class, () -> new DeploymentKey("us-east-1", "a/b"));
    assertThrows(IllegalArgumentException.class, () -> new DeploymentKey("us-east-1", ""));
    assertThrows(IllegalArgumentException.class, () -> new DeploymentKey(null, "dev"));
  }

  @Test
  void scopeTags_andOwnershipByDeploymentAndRun() {
    Scope scope = new Scope(new DeploymentKey("us-east-1", "dev"), "run-1");
    Map<String, String> tags = scope.tags();
    assertEquals(Map.of("managed-by", "zscaler-mcp-harness", "integration", "harness",
        "harness-deployer:deployment", "us-east-1/dev", "harness-deployer:run", "run-1"), tags);
    assertTrue(scope.ownsRun(tags));
    assertTrue(scope.ownsDeployment(Map.of("harness-deployer:deployment", "us-east-1/dev",
        "harness-deployer:run", "run-0")));
    assertEquals(false, scope.ownsRun(Map.of("harness-deployer:deployment", "us-east-1/dev",
        "harness-deployer:run", "run-0")));
    assertEquals(false, scope.ownsDeployment(Map.of("managed-by", "zscaler-mcp-harness")));
  }
}
