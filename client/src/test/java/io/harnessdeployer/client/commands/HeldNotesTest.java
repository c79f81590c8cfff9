package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.Cli;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes are held while the inputs are checked: a bad input shows only the settings-file line and
 * its error; on a terminal the held notes still come before the next question.
 */
class HeldNotesTest {
  @TempDir Path dir;

  @Test
  void badInputAfterCredentialsDropsTheirNote() throws Exception {
    Files.writeString(dir.resolve(".env"), HostileInputTest.GOOD_ENV + "ZSCALER_MCP_IMAGE_URI=bad image\n");
    CliRun run = CliRun.run(CliRun.context(dir, Map.of(), Prompter.NONE, CliRun.NO_TEMPORAL), "deploy", "--yes",
        "--client-secret", "from-flag-1");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(List.of("[INFO] settings from .env", "error: image URI contains whitespace (from .env:5 ZSCALER_MCP_IMAGE_URI)"),
        run.err().lines().toList());
  }

  @Test
  void heldNotesArePrintedBeforeAQuestion() throws Exception {
    Files.writeString(dir.resolve(".env"), HostileInputTest.GOOD_ENV.replace("ZSCALER_VANITY_DOMAIN=acme\n", ""));
    StringWriter err = new StringWriter();
    List<String> errAtQuestion = new ArrayList<>();
    Prompter terminal = new Prompter() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String readLine(String prompt) {
        errAtQuestion.add(err.toString());
        return null; // end of input: the deploy stops here
      }

      @Override
      public String readSecret(String prompt) {
        return readLine(prompt);
      }
    };
    int code = Cli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        CliRun.context(dir, Map.of(), terminal, CliRun.NO_TEMPORAL)).execute("deploy", "--yes", "--region", "ap-northeast-1");
    assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
    assertEquals(1, errAtQuestion.size(), err.toString());
    assertTrue(errAtQuestion.get(0).contains("[WARN] region ap-northeast-1: the AgentCore harness"),
        "the note came after the question: " + errAtQuestion.get(0));
  }
}
