package io.harnessdeployer.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEnvTest {
  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void passThrough_keepsPrefixedNonBlankKeysInOrder_dropsDeployOnlyKeys() {
    Map<String, String> env = ContainerEnv.passThrough(ordered(
        "MCP_URL", "https://x", "ZSCALER_MCP_IMAGE_URI", "img", "AWS_REGION", "us-east-1",
        "FASTMCP_LOG_LEVEL", " DEBUG ", "ZSCALER_CLOUD", "NOT_SET", "MCP_X", "  ", "ZSCALER_MCP_WRITE_ENABLED", "true"));
    assertEquals(List.of("FASTMCP_LOG_LEVEL", "ZSCALER_MCP_WRITE_ENABLED"), List.copyOf(env.keySet()));
    assertEquals("DEBUG", env.get("FASTMCP_LOG_LEVEL"));
  }

  @Test
  void forService_stripsProjectedSecretKeysAndSecretName_addsDefaultsOnlyWhenAbsent() {
    Map<String, String> env = ContainerEnv.forService(ordered(
        "ZSCALER_SECRET_NAME", "team/zscaler", "ZSCALER_CUSTOMER_ID", "1234", "ZSCALER_MCP_PORT", "9000"),
        List.of("ZSCALER_CUSTOMER_ID"));
    assertEquals(ordered("ZSCALER_MCP_PORT", "9000", "ZSCALER_MCP_TRANSPORT", "streamable-http",
        "ZSCALER_MCP_HOST", "0.0.0.0", "ZSCALER_MCP_ALLOW_HTTP", "true"), env);
    assertEquals(List.of("ZSCALER_MCP_PORT", "ZSCALER_MCP_TRANSPORT", "ZSCALER_MCP_HOST",
        "ZSCALER_MCP_ALLOW_HTTP"), List.copyOf(env.keySet()));
  }

  @Test
  void forService_withoutSecretKeys_keepsSecretName() {
    assertEquals("n", ContainerEnv.forService(Map.of("ZSCALER_SECRET_NAME", "n"), List.of())
        .get("ZSCALER_SECRET_NAME"));
  }

  @Test
  void withAllowedHost_putsTheFqdnFirstThenLocalEntries_keepsOperatorEntries() {
    Map<String, String> env = ContainerEnv.withAllowedHost(
        Map.of("ZSCALER_MCP_ALLOWED_HOSTS", " a.example.com , ,localhost:*"), "https://zs-1.ecs.us-east-1.on.aws/");
    assertEquals("zs-1.ecs.us-east-1.on.aws,a.example.com,localhost:*,127.0.0.1:*",
        env.get("ZSCALER_MCP_ALLOWED_HOSTS"));
    assertEquals(env, ContainerEnv.withAllowedHost(env, "zs-1.ecs.us-east-1.on.aws"), "idempotent");
  }

  @Test
  void withAllowedHost_fromNothing_andSkippedWhenValidationDisabled() {
    assertEquals("h.on.aws,127.0.0.1:*,localhost:*",
        ContainerEnv.withAllowedHost(Map.of(), "h.on.aws").get("ZSCALER_MCP_ALLOWED_HOSTS"));
    Map<String, String> off = Map.of("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "Yes");
    assertEquals(off, ContainerEnv.withAllowedHost(off, "h.on.aws"));
  }

  @Test
  void normaliseMcpUrl_followsSpec95() {
    assertEquals("https://h/mcp", ContainerEnv.normaliseMcpUrl(" https://h// "));
    assertEquals("https://h/mcp", ContainerEnv.normaliseMcpUrl("https://h/mcp/"));
    assertEquals("https://h/x/mcp", ContainerEnv.normaliseMcpUrl("https://h/x"));
    assertEquals("", ContainerEnv.normaliseMcpUrl("  / "));
  }

  @Test
  void sealed_hidesEveryCredentialValue_keepsTheRest() {
    assertEquals(ordered("ZSCALER_CLIENT_SECRET", "<sealed>", "ZSCALER_CLOUD", "<sealed>", "FASTMCP_LOG_LEVEL", "INFO"),
        ContainerEnv.sealed(ordered("ZSCALER_CLIENT_SECRET", "s3cr3t", "ZSCALER_CLOUD", "beta", "FASTMCP_LOG_LEVEL", "INFO")));
  }

  @Test
  void withEndpointNamed_isWhatWithAllowedHostGivesForTheEndpointPlaceholder() {
    Map<String, String> env = ordered(Names.ENV_ALLOWED_HOSTS, "a.example");
    Map<String, String> live = ContainerEnv.withAllowedHost(env, "https://zs-1.ecs.us-east-1.on.aws/");
    assertEquals(ContainerEnv.withAllowedHost(env, ContainerEnv.ENDPOINT),
        ContainerEnv.withEndpointNamed(live, "zs-1.ecs.us-east-1.on.aws"));
    assertEquals(live, ContainerEnv.withEndpointNamed(live, "other.host"), "another host is left as it is");
    assertEquals(live, ContainerEnv.withEndpointNamed(live, null), "no endpoint yet");
  }

  @Test
  void secretProjections_areOneJsonKeyValueFromPerKey() {
    assertEquals(ordered("ZSCALER_CLIENT_ID", "arn:s:ZSCALER_CLIENT_ID::", "ZSCALER_CLIENT_SECRET", "arn:s:ZSCALER_CLIENT_SECRET::"),
        ContainerEnv.secretProjections("arn:s", List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET")));
    assertEquals(Map.of(), ContainerEnv.secretProjections(null, List.of("ZSCALER_CLIENT_ID")));
  }
}
