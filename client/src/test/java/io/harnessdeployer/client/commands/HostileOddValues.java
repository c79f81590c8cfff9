package io.harnessdeployer.client.commands;

import static io.harnessdeployer.client.commands.HostileCases.Outcome.ACCEPTED;
import static io.harnessdeployer.client.commands.HostileCases.Outcome.REJECTED;

import io.harnessdeployer.client.commands.HostileCases.Case;
import io.harnessdeployer.client.commands.HostileCases.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Odd values by kind, each with the answer it must get: bounds are checked on both sides (the
 * longest valid name passes, one more character fails). {@value #DIR} stands for the test's
 * directory, where {@link HostileInputTest} puts a subdirectory {@code sub}, a binary file and a
 * valid seal key file.
 */
final class HostileOddValues {
  static final String DIR = "@DIR@";

  private static final Map<String, Integer> NAME_LIMITS = Map.ofEntries(
      Map.entry("HARNESS_NAME", 40), Map.entry("ROLE_NAME", 64), Map.entry("CREDENTIAL_PROVIDER_NAME", 128),
      Map.entry("ECS_CLUSTER_NAME", 255), Map.entry("ECS_SERVICE_NAME", 255), Map.entry("ECS_EXECUTION_ROLE_NAME", 64),
      Map.entry("ECS_INFRASTRUCTURE_ROLE_NAME", 64), Map.entry("ECS_LOG_GROUP", 512), Map.entry("SECRET_NAME", 512),
      Map.entry("ZSCALER_SECRET_NAME", 512), Map.entry("NAME", 64),
      Map.entry("RUNTIME_NAME", 48), Map.entry("RUNTIME_EXECUTION_ROLE_NAME", 64), Map.entry("GATEWAY_NAME", 100),
      Map.entry("GATEWAY_TARGET_NAME", 100), Map.entry("GATEWAY_ROLE_NAME", 64), Map.entry("OAUTH_PROVIDER_NAME", 128),
      Map.entry("COGNITO_USER_POOL_NAME", 128), Map.entry("COGNITO_RESOURCE_SERVER_IDENTIFIER", 256),
      Map.entry("COGNITO_SCOPE_NAME", 256), Map.entry("COGNITO_APP_CLIENT_NAME", 128),
      Map.entry("COGNITO_DOMAIN_PREFIX", 50));

  private HostileOddValues() {}

  static List<Case> forSlot(Slot slot) {
    List<Case> c = new ArrayList<>();
    String key = slot.name().replaceFirst("^--", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    switch (key) {
      case "TIMEOUT" -> {
        for (String v : List.of("99999999h", "99999999999999999999h", "0s", "59s", "6h1s", "7h", "-5m", "PT-1M",
            "P9999999999D", "PT0.5S", "1.5h", "20", "1d", "", "20 m")) {
          c.add(new Case(slot, "duration " + v, v, REJECTED));
        }
        for (String v : List.of("1m", "6h", "PT20M", "1h30m")) {
          c.add(new Case(slot, "duration " + v, v, ACCEPTED));
        }
      }
      case "SESSION_ID" -> {
        for (String v : List.of("a".repeat(32), "a".repeat(101), "-" + "a".repeat(40), "a b" + "c".repeat(40), "a/" + "b".repeat(40))) {
          c.add(new Case(slot, "session id of " + v.length() + " starting " + v.charAt(0), v, REJECTED));
        }
        for (String v : List.of("a".repeat(33), "Z".repeat(100), "harness-smoke-" + "0123456789abcdef".repeat(2), "x_y-" + "9".repeat(40))) {
          c.add(new Case(slot, "session id of " + v.length() + " starting " + v.charAt(0), v, ACCEPTED));
        }
      }
      case "SINCE" -> {
        for (String v : List.of("0s", "-5m", "25h", "1d", "", "nonsense", "99999999999999999999h")) {
          c.add(new Case(slot, "look-back " + v, v, REJECTED));
        }
        for (String v : List.of("1s", "15m", "1h", "24h", "PT30M")) {
          c.add(new Case(slot, "look-back " + v, v, ACCEPTED));
        }
      }
      case "SOURCE" -> {
        for (String v : List.of("both", "harness,service", "")) c.add(new Case(slot, "source " + v, v, REJECTED));
        for (String v : List.of("harness", "service", "all", "HARNESS")) c.add(new Case(slot, "source " + v, v, ACCEPTED));
      }
      case "EVERY", "DRIFT_EVERY" -> {
        for (String v : List.of("0s", "59s", "169h", "-1h", "nonsense", "1d", "", "6 h", "PT-1H", "99999999999999999999h")) {
          c.add(new Case(slot, "period " + v, v, REJECTED));
        }
        for (String v : List.of("1m", "6h", "168h", "PT30M", "1h30m")) {
          c.add(new Case(slot, "period " + v, v, ACCEPTED));
        }
      }
      case "MCP_URL" -> {
        for (String v : List.of("http://mcp.example.com/mcp", "https://user:pw@mcp.example.com/mcp", "https:///mcp",
            "https://", "ftp://mcp.example.com/", "mcp.example.com/mcp", "https://mcp.example.com:99999/mcp",
            "https://mcp.example.com:0/", "https://exa mple.com/", "https://exa_mple.com/", "javascript:alert(1)",
            "https://[::1/", "https://" + "a".repeat(2100) + ".com/")) {
          c.add(new Case(slot, "URL " + v.substring(0, Math.min(v.length(), 40)), v, REJECTED));
        }
        for (String v : List.of("https://mcp.example.com/", "https://mcp.example.com:8443/base")) {
          c.add(new Case(slot, "URL " + v, v, ACCEPTED));
        }
      }
      case "ENDPOINT_URL", "AWS_ENDPOINT_URL" -> {
        for (String v : List.of("ftp://h:4566", "http://user@h:4566", "http://h:4566?x=1", "http://h:4566#f",
            "localhost:4566", "http://:4566", "http://h:70000", "https:///")) {
          c.add(new Case(slot, "URL " + v, v, REJECTED));
        }
        // --endpoint-url for deploy and destroy: the worker cannot follow an endpoint of the client's, refused
        HostileCases.Outcome wellFormed = key.equals("ENDPOINT_URL")
            && (HostileCases.DEPLOY_LIKE.contains(slot.command()) || slot.command().equals("destroy")) ? REJECTED : ACCEPTED;
        for (String v : List.of("http://127.0.0.1:4566", "https://aws.example.com")) {
          c.add(new Case(slot, "URL " + v, v, wellFormed));
        }
      }
      case "TEMPORAL_ADDRESS" -> {
        for (String v : List.of("127.0.0.1", "localhost", "host:0", "host:70000", "http://127.0.0.1:7233", ":7233",
            "[::1]", "host:port", "host:72 33", "-bad-:7233", "host:7233/x")) {
          c.add(new Case(slot, "address " + v, v, REJECTED));
        }
        for (String v : List.of("127.0.0.1:7233", "temporal.prod:7233", "[::1]:7233")) {
          c.add(new Case(slot, "address " + v, v, ACCEPTED));
        }
      }
      case "REGION", "AWS_REGION", "AWS_DEFAULT_REGION" -> {
        for (String v : List.of("us-east-1a", "US-EAST-1", "useast1", "us-east", "xx-east-1", "us-east-123", "us_east_1")) {
          c.add(new Case(slot, "region " + v, v, REJECTED));
        }
        for (String v : List.of("us-gov-west-1", "cn-north-1", "eu-central-2", "ap-southeast-4", "us-isob-east-1")) {
          c.add(new Case(slot, "region " + v, v, ACCEPTED));
        }
      }
      case "NAMESPACE", "TEMPORAL_NAMESPACE" -> {
        for (String v : List.of("-ns", "my ns", "a".repeat(256), "ns/x")) {
          c.add(new Case(slot, "namespace " + v.substring(0, Math.min(v.length(), 20)), v, REJECTED));
        }
        c.add(new Case(slot, "namespace prod.acct-1", "prod.acct-1", ACCEPTED));
      }
      case "ENV_FILE" -> {
        c.add(new Case(slot, "path: the directory itself", DIR, REJECTED));
        c.add(new Case(slot, "path: a subdirectory", "sub", REJECTED));
        c.add(new Case(slot, "path: does not exist", "nope.env", REJECTED));
        c.add(new Case(slot, "path: outside the tree, missing", "../../no/such/dir/.env", REJECTED));
        c.add(new Case(slot, "path: not UTF-8 text", "binary.env", REJECTED));
        c.add(new Case(slot, "path: a valid settings file", ".env", ACCEPTED));
      }
      case "STATE_FILE" -> {
        c.add(new Case(slot, "path: the directory itself", DIR, REJECTED));
        c.add(new Case(slot, "path: a subdirectory", "sub", REJECTED));
        c.add(new Case(slot, "path: does not exist", "nope.json", REJECTED));
        c.add(new Case(slot, "path: outside the tree, missing", "../../no/such/dir/state.json", REJECTED));
        c.add(new Case(slot, "path: not JSON", "binary.env", REJECTED));
      }
      case "HARNESS_DEPLOYER_SEAL_KEY_FILE" -> {
        c.add(new Case(slot, "path: a directory", DIR, REJECTED));
        c.add(new Case(slot, "path: does not exist", DIR + "/nope.key", REJECTED));
        c.add(new Case(slot, "path: not a key", DIR + "/binary.env", REJECTED));
        c.add(new Case(slot, "path: a valid key file", DIR + "/seal.key", ACCEPTED));
      }
      case "HARNESS_DEPLOYER_SEAL_KEY" -> {
        c.add(new Case(slot, "key of 5 bytes", "c2hvcnQ=", REJECTED));
        c.add(new Case(slot, "a valid key", HostileInputTest.VALID_KEY, ACCEPTED));
      }
      case "MODEL_ID" -> {
        c.add(new Case(slot, "model with a space", "us.anthropic claude", REJECTED));
        c.add(new Case(slot, "model of 2049 characters", "a".repeat(2049), REJECTED));
        c.add(new Case(slot, "model us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", ACCEPTED));
        c.add(new Case(slot, "inference-profile ARN",
            "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0", ACCEPTED));
      }
      case "ZSCALER_MCP_IMAGE_URI" -> {
        c.add(new Case(slot, "image with a space", "repo with space:1", REJECTED));
        c.add(new Case(slot, "image of 256 characters", "a".repeat(256), REJECTED));
        c.add(new Case(slot, "ECR image", "111122223333.dkr.ecr.us-east-1.amazonaws.com/mine:1", ACCEPTED));
        c.add(new Case(slot, "image by digest", "ghcr.io/acme/mcp@sha256:" + "ab".repeat(32), ACCEPTED));
      }
      case "PROFILE", "AWS_PROFILE" -> {
        c.add(new Case(slot, "profile with a space", "my profile", REJECTED));
        c.add(new Case(slot, "profile in brackets", "[prod]", REJECTED));
        c.add(new Case(slot, "profile team/admin", "team/admin", ACCEPTED));
      }
      case "TOPOLOGY" -> {
        c.add(new Case(slot, "topology kubernetes", "kubernetes", REJECTED));
        c.add(new Case(slot, "topology ECS", "ECS", ACCEPTED));
        c.add(new Case(slot, "topology gateway", "gateway", ACCEPTED));
      }
      case "ON_FAILURE" -> {
        c.add(new Case(slot, "on-failure explode", "explode", REJECTED));
        c.add(new Case(slot, "on-failure rollback", "rollback", ACCEPTED));
      }
      case "OUTPUT" -> {
        c.add(new Case(slot, "output yaml", "yaml", REJECTED));
        c.add(new Case(slot, "output json", "json", ACCEPTED));
      }
      case "CLIENT_SECRET", "ZSCALER_CLIENT_SECRET" -> {
        c.add(new Case(slot, "secret of 1025 characters", "s".repeat(1025), REJECTED));
        c.add(new Case(slot, "secret of 1024 characters", "s".repeat(1024), ACCEPTED));
      }
      case "ZSCALER_MCP_EXTRA", "FASTMCP_LOG_LEVEL", "MCP_EXTRA" -> {
        c.add(new Case(slot, "container value of 4097 characters", "v".repeat(4097), REJECTED));
        c.add(new Case(slot, "container value of 4096 characters", "v".repeat(4096), ACCEPTED));
      }
      case "GATEWAY_NAME", "GATEWAY_TARGET_NAME" -> {
        c.add(new Case(slot, "name with '_'", "my_gateway", REJECTED));
        c.add(new Case(slot, "name with '--'", "my--gateway", REJECTED));
        c.add(new Case(slot, "name my-gateway-2", "my-gateway-2", ACCEPTED));
      }
      case "RUNTIME_NAME" -> {
        c.add(new Case(slot, "name with '-'", "my-runtime", REJECTED));
        c.add(new Case(slot, "name starting with a digit", "1runtime", REJECTED));
      }
      case "COGNITO_DOMAIN_PREFIX" -> {
        c.add(new Case(slot, "prefix with upper case", "Acme-login", REJECTED));
        c.add(new Case(slot, "prefix ending in '-'", "acme-", REJECTED));
        c.add(new Case(slot, "prefix acme-login", "acme-login", ACCEPTED));
      }
      case "COGNITO_USER_POOL_NAME", "COGNITO_APP_CLIENT_NAME" -> {
        c.add(new Case(slot, "name with inner spaces", "Acme Login Pool", ACCEPTED));
        c.add(new Case(slot, "name with a slash", "acme/pool", REJECTED));
      }
      case "COGNITO_RESOURCE_SERVER_IDENTIFIER" -> {
        c.add(new Case(slot, "URL identifier", "https://api.acme.example", ACCEPTED));
        c.add(new Case(slot, "identifier with a quote", "acme\"id", REJECTED));
      }
      case "COGNITO_SCOPE_NAME" -> c.add(new Case(slot, "scope with '/'", "mcp/invoke", REJECTED));
      case "MEMORY", "HARNESS_MEMORY" -> {
        for (String v : List.of("on", "arn:aws:bedrock-agentcore:us-east-1:1:memory/m-abcdefghij",
            "arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/m")) {
          c.add(new Case(slot, "memory " + v, v, REJECTED));
        }
        for (String v : List.of("disabled", "MANAGED", "arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/m-abcdefghij")) {
          c.add(new Case(slot, "memory " + v, v, ACCEPTED));
        }
      }
      case "MEMORY_STRATEGIES", "HARNESS_MEMORY_STRATEGIES" -> {
        for (String v : List.of("LONG_TERM", "SEMANTIC,SEMANTIC", "SEMANTIC,")) c.add(new Case(slot, "strategies " + v, v, REJECTED));
        for (String v : List.of("EPISODIC", "semantic, user_preference")) c.add(new Case(slot, "strategies " + v, v, ACCEPTED));
      }
      case "MEMORY_EVENT_EXPIRY_DAYS", "HARNESS_MEMORY_EVENT_EXPIRY_DAYS" -> bounds(c, slot, 3, 365);
      case "MAX_ITERATIONS", "HARNESS_MAX_ITERATIONS" -> bounds(c, slot, 1, 1000);
      case "MAX_TOKENS", "HARNESS_MAX_TOKENS" -> bounds(c, slot, 1, 64_000); // the default model's output cap
      case "TIMEOUT_SECONDS", "HARNESS_TIMEOUT_SECONDS" -> bounds(c, slot, 1, 28_800);
      case "ALLOWED_TOOLS", "HARNESS_ALLOWED_TOOLS" -> {
        for (String v : List.of("@a/b/c", "*,", "a".repeat(65))) c.add(new Case(slot, "tools " + v.length() + " " + v.charAt(0), v, REJECTED));
        for (String v : List.of("*", "@zscaler/zia_list_users,@builtin", "a".repeat(64))) {
          c.add(new Case(slot, "tools " + v.length() + " " + v.charAt(0), v, ACCEPTED));
        }
      }
      case "SYSTEM_PROMPT_FILE", "HARNESS_SYSTEM_PROMPT_FILE" -> {
        c.add(new Case(slot, "path: the directory itself", DIR, REJECTED));
        c.add(new Case(slot, "path: does not exist", "nope.md", REJECTED));
        c.add(new Case(slot, "path: not UTF-8 text", "binary.env", REJECTED));
        c.add(new Case(slot, "path: a text file", ".env", ACCEPTED));
      }
      default -> { }
    }
    if (key.equals("ZSCALER_SECRET_NAME")) {
      c.add(new Case(slot, "secret ARN with a bad account", "arn:aws:secretsmanager:us-east-1:1:secret:x", REJECTED));
      c.add(new Case(slot, "secret ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:mine-AbC123", ACCEPTED));
    }
    Integer limit = NAME_LIMITS.get(key);
    if (limit != null) {
      boolean logGroup = key.equals("ECS_LOG_GROUP");
      c.add(new Case(slot, "name of " + limit + " characters", name(limit, logGroup), ACCEPTED));
      c.add(new Case(slot, "name of " + (limit + 1) + " characters", name(limit + 1, logGroup), REJECTED));
    }
    return c;
  }

  /** A whole number at both bounds and one past each, plus two that are no whole number. */
  private static void bounds(List<Case> c, Slot slot, int min, int max) {
    for (String v : List.of(String.valueOf(min - 1), String.valueOf(max + 1), "1.5", "99999999999999999999")) {
      c.add(new Case(slot, "number " + v, v, REJECTED));
    }
    for (String v : List.of(String.valueOf(min), String.valueOf(max))) c.add(new Case(slot, "number " + v, v, ACCEPTED));
  }

  private static String name(int length, boolean logGroup) {
    return logGroup ? "/" + "a".repeat(length - 1) : "a".repeat(length);
  }
}
