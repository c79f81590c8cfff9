package io.harnessdeployer.client.deploy;

import static io.harnessdeployer.client.deploy.DeployInputsResolverTest.FULL_ENV;
import static io.harnessdeployer.client.deploy.DeployInputsResolverTest.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.HarnessConfig.Memory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's harness flags and settings keys: defaults, each form, and one-line refusals. */
class HarnessSettingsTest {
  static final String MEMORY_ARN = "arn:aws:bedrock-agentcore:us-east-1:111122223333:memory/team_mem-AbCdEf1234";
  @TempDir Path dir;

  static HarnessConfig config(List<String> dotEnv, String... args) {
    return resolve(dotEnv, args).request().harness();
  }

  static List<String> env(String... extra) {
    List<String> out = new ArrayList<>(FULL_ENV);
    out.addAll(List.of(extra));
    return out;
  }

  static String refused(List<String> dotEnv, String... args) {
    CliException e = assertThrows(CliException.class, () -> resolve(dotEnv, args));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void byDefault_memoryIsDisabled_everyToolAllowed_noLimit_theSpecPrompt() {
    assertEquals(HarnessConfig.defaults(), config(FULL_ENV));
    assertEquals(List.of(Names.HARNESS_SYSTEM_PROMPT), HarnessConfig.defaults().systemPromptBlocks());
  }

  @Test
  void flagsAndKeys_setEveryPart_theFlagWinning() {
    HarnessConfig c = config(env("HARNESS_MEMORY=managed", "HARNESS_MEMORY_STRATEGIES=episodic, semantic",
            "HARNESS_MAX_ITERATIONS=40", "HARNESS_TIMEOUT_SECONDS=600", "HARNESS_ALLOWED_TOOLS=@zscaler/*, @builtin"),
        "--memory-event-expiry-days", "90", "--max-iterations", "12", "--max-tokens", "4000");
    assertEquals(Memory.managed(List.of("EPISODIC", "SEMANTIC"), 90), c.memory());
    assertEquals(12, c.maxIterations());
    assertEquals(4000, c.maxTokens());
    assertEquals(600, c.timeoutSeconds());
    assertEquals(List.of("@zscaler/*", "@builtin"), c.allowedTools());
    assertEquals(Memory.managed(Names.MEMORY_DEFAULT_STRATEGIES, 30), config(FULL_ENV, "--memory", "MANAGED").memory());
    assertEquals(Memory.existing(MEMORY_ARN), config(FULL_ENV, "--memory", MEMORY_ARN).memory());
  }

  @Test
  void theSystemPromptFile_isItsText() throws Exception {
    Path prompt = Files.writeString(dir.resolve("prompt.md"), "  You are terse.\nAnswer in one line.\n");
    HarnessConfig c = config(env("HARNESS_SYSTEM_PROMPT_FILE=" + prompt));
    assertEquals("You are terse.\nAnswer in one line.", c.systemPrompt());
    assertEquals(List.of(c.systemPrompt()), c.systemPromptBlocks());
  }

  @Test
  void badValues_areOneLine_beforeAnythingStarts() throws Exception {
    assertTrue(refused(FULL_ENV, "--memory", "arn:aws:bedrock-agentcore:us-east-1:1:memory/x").startsWith("invalid memory"));
    assertTrue(refused(FULL_ENV, "--memory", "on").startsWith("invalid memory 'on'"));
    assertTrue(refused(FULL_ENV, "--memory-strategies", "SEMANTIC").contains("need --memory managed"));
    assertTrue(refused(FULL_ENV, "--memory", "managed", "--memory-strategies", "SEMANTIC,SEMANTIC")
        .startsWith("invalid memory strategies"));
    assertTrue(refused(FULL_ENV, "--memory", "managed", "--memory-strategies", "LONG_TERM")
        .startsWith("invalid memory strategies"));
    assertEquals("memory event expiry (from --memory-event-expiry-days) must be 3 to 365 days, not 2",
        refused(FULL_ENV, "--memory", "managed", "--memory-event-expiry-days", "2"));
    assertEquals("max iterations (from --max-iterations) must be 1 to 1000, not 0", refused(FULL_ENV, "--max-iterations", "0"));
    assertTrue(refused(FULL_ENV, "--timeout-seconds", "1.5").startsWith("invalid timeout seconds '1.5' (from --timeout-seconds): a whole number, 1 to 28800"));
    assertEquals("timeout seconds (from .env:6 HARNESS_TIMEOUT_SECONDS) must be 1 to 28800, not 28801",
        refused(env("HARNESS_TIMEOUT_SECONDS=28801")));
    assertTrue(refused(FULL_ENV, "--allowed-tools", "@a/b/c").startsWith("invalid allowed tool '@a/b/c'"));
    assertTrue(refused(FULL_ENV, "--allowed-tools", "*,").startsWith("invalid allowed tool ''"));
    assertTrue(refused(FULL_ENV, "--system-prompt-file", dir.resolve("none.md").toString()).endsWith("no such readable file"));
    assertTrue(refused(FULL_ENV, "--system-prompt-file", dir.toString()).endsWith("no such readable file"));
    Path huge = Files.write(dir.resolve("huge.md"), new byte[Names.HARNESS_SYSTEM_PROMPT_MAX_BYTES + 1]);
    assertTrue(refused(FULL_ENV, "--system-prompt-file", huge.toString()).endsWith("bytes: at most 65536"));
    Path binary = Files.write(dir.resolve("bin.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
    assertTrue(refused(FULL_ENV, "--system-prompt-file", binary.toString()).endsWith("is not UTF-8 text"));
    Path blank = Files.writeString(dir.resolve("blank.md"), " \n\t\n");
    assertTrue(refused(FULL_ENV, "--system-prompt-file", blank.toString()).endsWith("is empty"));
  }

  @Test
  void maxTokens_isBoundByTheChosenModelsOutputCap() {
    assertEquals(64_000, config(FULL_ENV, "--max-tokens", "64000").maxTokens());
    assertEquals("max tokens (from --max-tokens) must be 1 to 64000 (Claude Sonnet 4.5's output cap), not 64001",
        refused(FULL_ENV, "--max-tokens", "64001"));
    assertEquals("max tokens (from --max-tokens) must be 1 to 8192 (Llama 3.3 70B Instruct's output cap), not 9000",
        refused(FULL_ENV, "--model-id", "us.meta.llama3-3-70b-instruct-v1:0", "--max-tokens", "9000"));
    assertEquals(100_000, config(FULL_ENV, "--model-id", "eu.anthropic.claude-x-v1:0", "--max-tokens", "100000").maxTokens());
  }

  @Test
  void thePicker_showsLabelsThatMatchTheIds_andNoSuspectOpus() {
    assertFalse(Names.MODEL_CATALOGUE.contains("us.anthropic.claude-opus-4-5-20250929-v1:0"));
    ScriptedPrompter prompter = new ScriptedPrompter("", "", "", "2");
    assertEquals("us.amazon.nova-pro-v1:0", resolve(Map.of(), FULL_ENV, prompter, false).request().modelId());
    String menu = prompter.asked.get(3);
    assertTrue(menu.contains("1) Claude Sonnet 4.5 (default) — Anthropic; one-time use-case form ("
        + Names.DEFAULT_MODEL_ID + ")"), menu);
    assertTrue(menu.contains("2) Amazon Nova Pro — native Amazon model (us.amazon.nova-pro-v1:0)"), menu);
    assertFalse(menu.contains("4.6") || menu.contains("4.7") || menu.contains("Opus"), menu);
  }

  @Test
  void aModelIdNeitherKnownNorAProfile_isAWarning_notAnError() {
    List<String> notes = resolve(FULL_ENV, "--model-id", "anthropic.claude-x-v1:0").notes();
    List<String> warnings = notes.stream().filter(n -> n.contains("neither a known model")).toList();
    assertEquals(List.of("[WARN] model id anthropic.claude-x-v1:0 (from --model-id) is neither a known model nor an"
        + " inference profile (us.…, eu.…, global.… or its ARN): the harness may not be able to call it"), warnings);
    for (String ok : List.of("us.amazon.nova-pro-v1:0", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123")) {
      assertTrue(resolve(FULL_ENV, "--model-id", ok).notes().stream().noneMatch(n -> n.contains("neither")), ok);
    }
    assertNull(resolve(FULL_ENV).request().harness().systemPrompt());
  }
}
