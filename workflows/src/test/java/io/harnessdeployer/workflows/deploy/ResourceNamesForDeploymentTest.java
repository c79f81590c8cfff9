package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.common.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property-style: many deployment names (every length up to the maximum, digits first, '-' and
 * '_', case variants, random ones) × real regions. Every derived name must match its AWS pattern
 * and length, and no two deployments may share any resource name (IAM role names compared without
 * case, as IAM compares them; IAM roles compared across regions, since IAM is global). The default
 * deployment keeps the original's region-less role names, so only one region of it is counted.
 */
class ResourceNamesForDeploymentTest {
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2",
      "ap-northeast-3", "us-gov-west-1", "cn-northwest-1", "me-central-1");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

  private static final Pattern HARNESS = Pattern.compile(Names.HARNESS_NAME_PATTERN);
  private static final Pattern ROLE = Pattern.compile(Names.ROLE_NAME_PATTERN);
  private static final Pattern PROVIDER = Pattern.compile(Names.PROVIDER_NAME_PATTERN);
  private static final Pattern ECS = Pattern.compile(Names.CLUSTER_NAME_PATTERN);
  private static final Pattern LOG_GROUP = Pattern.compile(Names.LOG_GROUP_PATTERN);
  private static final Pattern SECRET = Pattern.compile(Names.SECRET_NAME_PATTERN);
  private static final Pattern RUNTIME = Pattern.compile(Names.RUNTIME_NAME_PATTERN);
  private static final Pattern GATEWAY = Pattern.compile(Names.GATEWAY_NAME_PATTERN);
  private static final Pattern POOL = Pattern.compile(Names.COGNITO_POOL_NAME_PATTERN);
  private static final Pattern DOMAIN = Pattern.compile(Names.COGNITO_DOMAIN_PATTERN);
  /** ECS: task-definition families, 1-255 of letters, digits, '_' and '-'. */
  private static final Pattern FAMILY = Pattern.compile("^[a-zA-Z0-9_-]{1,255}$");

  static List<String> deploymentNames() {
    List<String> names = new ArrayList<>(List.of("dx", "a", "0", "9lives", "u6", "prod", "Prod", "PROD", "my-dep",
        "my_dep", "my-dep-", "my_dep_", "a-b", "a_b", "A-B", "harness", "mcp_harness", "zscaler_mcp_harness_x",
        "zscaler-mcp-harness", "123", "1-2", "1_2", "x-us-east-1", "x_", "x-"));
    StringBuilder grow = new StringBuilder("d");
    while (grow.length() < 64) { // every length, so each cut point is crossed
      names.add(grow.toString());
      grow.append(grow.length() % 3 == 0 ? '-' : grow.length() % 3 == 1 ? '_' : '7');
    }
    names.add(grow.toString());
    names.add("9".repeat(64));
    names.add("a" + "-".repeat(63));
    names.add("a" + "_".repeat(63));
    names.add("Z".repeat(64));
    names.add("z".repeat(64));
    names.add("z".repeat(63) + "Z");
    names.add("z".repeat(63) + "y");
    Random random = new Random(8);
    for (int i = 0; i < 400; i++) {
      int length = 1 + random.nextInt(64);
      StringBuilder s = new StringBuilder();
      s.append(ALPHABET.charAt(random.nextInt(62))); // letter or digit first
      while (s.length() < length) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      names.add(s.toString());
    }
    names.add(Names.DEFAULT_DEPLOYMENT);
    return names.stream().distinct().toList();
  }

  @Test
  void everyDerivedNameFitsItsPatternAndNoTwoDeploymentsShareOne() {
    Map<String, DeploymentKey> regional = new HashMap<>(); // "<region> <kind> <name>" -> owner
    Map<String, DeploymentKey> global = new HashMap<>(); // "<kind> <lower-case role name>" -> owner
    int checked = 0;
    for (String region : REGIONS) {
      for (String name : deploymentNames()) {
        DeploymentKey key = new DeploymentKey(region, name);
        ResourceNames n = ResourceNames.forDeployment(key);
        assertMatches(HARNESS, n.harness(), key);
        assertMatches(PROVIDER, n.apiKeyProvider(), key);
        assertMatches(ECS, n.cluster(), key);
        assertMatches(ECS, n.service(), key);
        assertMatches(LOG_GROUP, n.logGroup(), key);
        assertMatches(SECRET, n.secret(), key);
        assertMatches(FAMILY, Names.taskDefinitionFamily(n.cluster(), n.service()), key);
        GatewayNames g = n.gateway();
        assertMatches(RUNTIME, g.runtime(), key);
        assertMatches(GATEWAY, g.gateway(), key);
        assertTrue(g.gateway().length() <= 100, g.gateway());
        assertMatches(GATEWAY, g.gatewayTarget(), key);
        assertMatches(PROVIDER, g.oauthProvider(), key);
        assertMatches(POOL, g.userPool(), key);
        assertMatches(DOMAIN, g.domain("123456789012"), key);
        for (Map.Entry<String, String> e : Map.of("runtime", g.runtime(), "gateway", g.gateway(),
            "oauth-provider", g.oauthProvider(), "user-pool", g.userPool(), "domain", g.domainPrefix()).entrySet()) {
          unique(regional, region + " " + e.getKey() + " " + e.getValue(), key);
        }
        for (String role : List.of(n.harnessRole(), n.taskExecutionRole(), n.infrastructureRole(), g.runtimeRole(),
            g.gatewayRole())) {
          assertMatches(ROLE, role, key);
          // the default deployment keeps the original's region-less role names: one region's worth
          if (!name.equals(Names.DEFAULT_DEPLOYMENT) || region.equals(REGIONS.get(0))) {
            unique(global, "role " + role.toLowerCase(Locale.ROOT), key);
          }
        }
        for (Map.Entry<String, String> e : Map.of("harness", n.harness(), "provider", n.apiKeyProvider(),
            "cluster", n.cluster(), "log-group", n.logGroup(), "secret", n.secret()).entrySet()) {
          unique(regional, region + " " + e.getKey() + " " + e.getValue(), key);
        }
        // a service is unique within its cluster; its family is regional
        unique(regional, region + " family " + Names.taskDefinitionFamily(n.cluster(), n.service()), key);
        checked++;
      }
    }
    assertTrue(checked > 3000, "fed " + checked + " deployments");
  }

  @Test
  void theDefaultDeploymentKeepsTheOriginalNamesInEveryRegion() {
    for (String region : REGIONS) {
      assertEquals(ResourceNames.defaults(),
          ResourceNames.forDeployment(new DeploymentKey(region, Names.DEFAULT_DEPLOYMENT)));
    }
  }

  @Test
  void aShortNameReadsPlainlyAndRolesCarryTheRegion() {
    ResourceNames n = ResourceNames.forDeployment(new DeploymentKey("eu-central-1", "prod"));
    assertEquals(new ResourceNames("zscaler_mcp_prod_harness", "zscaler-mcp-prod-eu-central-1-harness-role",
        "zscaler-mcp-prod-creds", "zscaler-mcp-prod", "zscaler-mcp-prod-server",
        "zscaler-mcp-prod-eu-central-1-ecs-task-exec-role", "zscaler-mcp-prod-eu-central-1-ecs-infra-role",
        "/ecs/zscaler-mcp-prod", "zscaler-mcp-harness/prod/credentials",
        new GatewayNames("zscaler_mcp_prod_runtime", "zscaler-mcp-prod-eu-central-1-runtime-role",
            "zscaler-mcp-prod-gateway", Names.GATEWAY_TARGET, "zscaler-mcp-prod-eu-central-1-gateway-role",
            "zscaler-mcp-prod-cognito-oauth", "zscaler-mcp-harness-prod-up", Names.COGNITO_RESOURCE_SERVER,
            Names.COGNITO_SCOPE, Names.COGNITO_APP_CLIENT, "zscaler-mcp-harness-prod")), n);
  }

  @Test
  void aLongNameIsCutToItsLimitWithAStableHash() {
    DeploymentKey key = new DeploymentKey("ap-southeast-2", "d".repeat(64));
    ResourceNames n = ResourceNames.forDeployment(key);
    assertEquals(40, n.harness().length());
    assertEquals(64, n.taskExecutionRole().length());
    assertTrue(n.taskExecutionRole().endsWith("-ecs-task-exec-role"), n.taskExecutionRole());
    assertTrue(n.harness().endsWith("_harness"), n.harness());
    assertEquals(n, ResourceNames.forDeployment(new DeploymentKey("ap-southeast-2", "d".repeat(64))));
    assertNotEquals(n.harnessRole(), ResourceNames.forDeployment(new DeploymentKey("us-east-1", "d".repeat(64)))
        .harnessRole());
  }

  @Test
  void namesThatAnAlphabetWouldMergeStayApart() {
    ResourceNames dash = ResourceNames.forDeployment(new DeploymentKey("us-east-1", "a-b"));
    ResourceNames underscore = ResourceNames.forDeployment(new DeploymentKey("us-east-1", "a_b"));
    assertNotEquals(dash.harness(), underscore.harness());
    assertEquals("zscaler_mcp_a_b_harness", underscore.harness());
    ResourceNames upper = ResourceNames.forDeployment(new DeploymentKey("us-east-1", "Prod"));
    ResourceNames lower = ResourceNames.forDeployment(new DeploymentKey("us-east-1", "prod"));
    assertNotEquals(upper.harnessRole().toLowerCase(Locale.ROOT), lower.harnessRole().toLowerCase(Locale.ROOT));
  }

  private static void assertMatches(Pattern p, String name, DeploymentKey key) {
    assertTrue(p.matcher(name).matches(), key + ": " + name + " does not match " + p);
  }

  private static void unique(Map<String, DeploymentKey> seen, String entry, DeploymentKey key) {
    DeploymentKey before = seen.putIfAbsent(entry, key);
    assertTrue(before == null || before.equals(key), entry + " is shared by " + before + " and " + key);
  }
}
