package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's bad-input acceptance, through the real command line: each case exits 2 with exactly one
 * error line, starts no workflow (the Temporal connector fails the test if touched) and never shows
 * the secret.
 */
class DeployInputErrorsTest {
  static final String SECRET = "Very-Secret-Client-Value-123";
  static final String GOOD_ENV = String.join("\n",
      "ZSCALER_CLIENT_ID=client-1",
      "ZSCALER_CLIENT_SECRET=" + SECRET,
      "ZSCALER_CUSTOMER_ID=cust-9",
      "ZSCALER_VANITY_DOMAIN=acme",
      "");

  @TempDir Path dir;

  CliRun deploy(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "deploy";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.run(CliRun.context(dir, env, Prompter.NONE, CliRun.NO_TEMPORAL), all);
  }

  void assertBadInput(CliRun run, String expectedError) {
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(1, run.errorLines().size(), run.toString());
    assertEquals("error: " + expectedError, run.errorLines().get(0), run.toString());
    assertEquals("", run.out(), "nothing on stdout");
    assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "the secret leaked: " + run);
  }

  @Test
  void invalidHarnessName() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV);
    assertBadInput(deploy(Map.of(), "--harness-name", "zscaler-mcp-harness"),
        "invalid harness name 'zscaler-mcp-harness' (from --harness-name): use letters, digits and '_',"
            + " start with a letter, at most 40 characters, e.g. zscaler_mcp_harness");
  }

  @Test
  void unknownTopology() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV + "TOPOLOGY=kubernetes\n");
    assertBadInput(deploy(Map.of()), "unknown topology 'kubernetes' (from .env:5 TOPOLOGY): use ecs or gateway");
  }

  @Test
  void badGatewayNames() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV + "COGNITO_DOMAIN_PREFIX=Zscaler-Up\n");
    assertBadInput(deploy(Map.of(), "--topology", "gateway", "--yes"), "invalid Cognito domain prefix 'Zscaler-Up'"
        + " (from .env:5 COGNITO_DOMAIN_PREFIX): use a-z, 0-9 and inner '-', at most 50 (-<account> is appended),"
        + " e.g. zscaler-mcp-harness");
    Files.writeString(dir.resolve(".env"), GOOD_ENV);
    assertBadInput(deploy(Map.of(), "--topology", "gateway", "--yes", "--gateway-name", "my_gateway"),
        "invalid gateway name 'my_gateway' (from --gateway-name): use letters, digits and single '-' between them,"
            + " at most 100 characters, e.g. zscaler-mcp-gateway");
    assertBadInput(deploy(Map.of("RUNTIME_NAME", "zscaler-runtime"), "--topology", "gateway", "--yes"),
        "invalid runtime name 'zscaler-runtime' (from env RUNTIME_NAME): use letters, digits and '_', start with a"
            + " letter, at most 48 characters, e.g. zscaler_mcp_runtime");
    assertBadInput(deploy(Map.of(), "--yes", "--cognito-scope-name", "a/b"),
        "invalid scope name 'a/b' (from --cognito-scope-name): use letters, digits and ._:-, e.g. invoke");
  }

  @Test
  void theGatewayTopologyNeedsAllFourCredentials() throws Exception {
    Files.writeString(dir.resolve(".env"), "ZSCALER_CLIENT_ID=client-1\nZSCALER_CLIENT_SECRET=" + SECRET + "\n");
    assertBadInput(deploy(Map.of(), "--topology", "gateway", "--yes", "--mcp-url", "https://mcp.example.com"),
        "missing Zscaler credentials ZSCALER_CUSTOMER_ID, ZSCALER_VANITY_DOMAIN: pass --customer-id / --vanity-domain,"
            + " or set them in the environment or in .env (no terminal to ask on)");
  }

  @Test
  void missingCredentialWithNoTerminal() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV.replace("ZSCALER_CLIENT_SECRET=" + SECRET + "\n", ""));
    assertBadInput(deploy(Map.of()), "missing Zscaler credential ZSCALER_CLIENT_SECRET: pass --client-secret, or set it"
        + " in the environment or in .env (no terminal to ask on)");
  }

  @Test
  void malformedDotEnvLineWithItsLineNumber() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV + "# next line lacks '='\nZSCALER_MCP_WRITE_ENABLED true\n");
    assertBadInput(deploy(Map.of()), ".env:6: expected KEY=VALUE but the line has no '='");
  }

  @Test
  void malformedSecretLineDoesNotEchoTheSecret() throws Exception {
    Files.writeString(dir.resolve("env.properties"), "ZSCALER_CLIENT_SECRET \"" + SECRET + "\n");
    assertBadInput(deploy(Map.of()), "env.properties:1: expected KEY=VALUE but the line has no '='");
  }

  @Test
  void missingEnvFile() {
    assertBadInput(deploy(Map.of(), "--env-file", "nope.env"), "--env-file 'nope.env': no such file");
  }

  @Test
  void plainHttpMcpUrl() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV);
    assertBadInput(deploy(Map.of("MCP_URL", "http://mcp.internal/")),
        "MCP URL must use https:// (from env MCP_URL): 'http://mcp.internal/'");
  }

  @Test
  void badSealKeyIsBadInput() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV);
    CliRun run = deploy(Map.of("HARNESS_DEPLOYER_SEAL_KEY", "c2hvcnQ="));
    assertBadInput(run, "seal key from env HARNESS_DEPLOYER_SEAL_KEY has 5 bytes, expected 32");
  }

  @Test
  void unknownOptionIsOneLineExitTwo() {
    CliRun run = deploy(Map.of(), "--frobnicate");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertEquals("error: Unknown option: '--frobnicate' (see 'client deploy --help')", run.err().strip());
  }

  @Test
  void misspeltSecretFlagDoesNotEchoTheValueAfterIt() {
    assertBadInput(deploy(Map.of(), "--client-secrte", SECRET, "--yes"),
        "Unknown option: '--client-secrte' (and 1 more argument, not shown) (see 'client deploy --help')");
  }

  @Test
  void aStateDirThatIsNoPathIsBadInput() throws Exception {
    Files.writeString(dir.resolve(".env"), GOOD_ENV);
    CliRun run = deploy(Map.of("HARNESS_DEPLOYER_HOME", "/tmp/x\u0000y"), "--yes");
    assertBadInput(run, "HARNESS_DEPLOYER_HOME '/tmp/x\\x00y' is not a valid path");
    assertEquals(1, run.err().lines().count(), "checked before anything is printed: " + run);
  }

  @Test
  void badDurationIsExitTwo() throws Exception {
    CliRun run = deploy(Map.of(), "--timeout", "soon");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("'soon' is not a duration such as 20m or 1h30m"), run.toString());
  }

  @Test
  void warnsWhenNoSettingsFileAndSaysWhichFileWasRead() throws Exception {
    CliRun none = deploy(Map.of());
    assertTrue(none.err().contains("[WARN] no .env or env.properties here"), none.toString());
    Files.writeString(dir.resolve(".env"), "TOPOLOGY=x\n");
    CliRun some = deploy(Map.of());
    assertTrue(some.err().contains("[INFO] settings from .env"), some.toString());
  }
}
