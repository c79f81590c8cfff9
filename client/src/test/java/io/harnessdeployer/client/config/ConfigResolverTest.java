package io.harnessdeployer.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigResolverTest {
  private static final DotEnv DOT_ENV = DotEnv.parse(".env", List.of(
      "HARNESS_NAME=from_dotenv",
      "TOPOLOGY=gateway",
      "AWS_REGION=eu-central-1",
      "MODEL_ID=NOT_SET",
      "ZSCALER_CLIENT_ID=id",
      "ZSCALER_CLIENT_SECRET=secret",
      "ZSCALER_CUSTOMER_ID=cust",
      "ZSCALER_VANITY_DOMAIN=acme",
      "ZSCALER_CLOUD=beta",
      "ZSCALER_MCP_WRITE_ENABLED=true",
      "ZSCALER_MCP_IMAGE_URI=repo/img:1",
      "MCP_URL=https://x",
      "MCP_TRANSPORT_HINT=x",
      "FASTMCP_DEBUG=1",
      "ZSCALER_MCP_BLANK=",
      "ZSCALER_SECRET_NAME=mine",
      "UNRELATED=1"));

  @Test
  void flagThenEnvThenDotEnvThenDefault() {
    ConfigResolver r = new ConfigResolver(Map.of("HARNESS_NAME", "from_env"), DOT_ENV, Prompter.NONE);

    assertEquals(new Setting("from_flag", "--harness-name"), r.find("HARNESS_NAME", "from_flag", "--harness-name").orElseThrow());
    assertEquals(new Setting("from_env", "env HARNESS_NAME"), r.find("HARNESS_NAME", null, "--harness-name").orElseThrow());
    ConfigResolver noEnv = new ConfigResolver(Map.of(), DOT_ENV, Prompter.NONE);
    assertEquals(new Setting("from_dotenv", ".env:1 HARNESS_NAME"), noEnv.find("HARNESS_NAME", null, "--harness-name").orElseThrow());
    assertEquals(new Setting("fallback", "default"), noEnv.get("ROLE_NAME", null, "--role-name", "fallback"));
  }

  @Test
  void blankAndNotSetCountAsAbsentAtEveryLevel() {
    ConfigResolver r = new ConfigResolver(Map.of("MODEL_ID", "  ", "HARNESS_NAME", "NOT_SET"), DOT_ENV, Prompter.NONE);
    assertEquals(Optional.empty(), r.find("MODEL_ID", " ", "--model-id"));
    assertEquals("from_dotenv", r.find("HARNESS_NAME", "NOT_SET", "--harness-name").orElseThrow().value());
  }

  @Test
  void topologyFollowsTheCommonRuleUnlikeTheSeed() {
    ConfigResolver r = new ConfigResolver(Map.of("TOPOLOGY", "ecs"), DOT_ENV, Prompter.NONE);
    assertEquals(new Setting("ecs", "env TOPOLOGY"), r.find("TOPOLOGY", null, "--topology").orElseThrow());
  }

  @Test
  void regionChain() {
    assertEquals(new Setting("ap-southeast-2", "--region"),
        new ConfigResolver(Map.of("AWS_REGION", "us-west-2"), DOT_ENV, Prompter.NONE).region("ap-southeast-2"));
    assertEquals(new Setting("us-west-2", "env AWS_REGION"),
        new ConfigResolver(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "x"), DOT_ENV, Prompter.NONE).region(null));
    assertEquals(new Setting("us-west-1", "env AWS_DEFAULT_REGION"),
        new ConfigResolver(Map.of("AWS_DEFAULT_REGION", "us-west-1"), DOT_ENV, Prompter.NONE).region(null));
    assertEquals(new Setting("eu-central-1", ".env:3 AWS_REGION"),
        new ConfigResolver(Map.of(), DOT_ENV, Prompter.NONE).region(null));
    assertEquals(new Setting("us-east-1", "default"),
        new ConfigResolver(Map.of(), DotEnv.empty(), Prompter.NONE).region(null));
  }

  @Test
  void passThroughKeepsPrefixedKeysInFileOrderWithoutCredentialsOrDeployOnlyKeys() {
    Map<String, String> env = new ConfigResolver(Map.of("ZSCALER_MCP_FROM_PROCESS", "x"), DOT_ENV, Prompter.NONE).passThrough();
    assertEquals(List.of("ZSCALER_MCP_WRITE_ENABLED", "MCP_TRANSPORT_HINT", "FASTMCP_DEBUG", "ZSCALER_SECRET_NAME"),
        List.copyOf(env.keySet()));
  }
}
