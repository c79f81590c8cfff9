package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.ScriptedPrompter;
import io.harnessdeployer.client.config.Prompter;
import org.junit.jupiter.api.Test;

/** Issue 4's confirmation rules for destroy (typed name) and the y/N used by rollback. */
class ConfirmationsTest {
  @Test
  void yesSkipsTheQuestionEvenWithoutATerminal() {
    assertDoesNotThrow(() -> Confirmations.typedName(Prompter.NONE, true, "prod", "destroy us-east-1/prod"));
    assertDoesNotThrow(() -> Confirmations.yesNo(Prompter.NONE, true, "roll back x", "Sure?"));
  }

  @Test
  void noTerminalAndNoYesIsBadInput() {
    CliException e = assertThrows(CliException.class,
        () -> Confirmations.typedName(Prompter.NONE, false, "prod", "destroy us-east-1/prod"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals("confirmation needed to destroy us-east-1/prod, but there is no terminal to ask on: pass --yes",
        e.getMessage());
  }

  @Test
  void theExactDeploymentNameMustBeTyped() {
    ScriptedPrompter right = new ScriptedPrompter("prod");
    assertDoesNotThrow(() -> Confirmations.typedName(right, false, "prod", "destroy us-east-1/prod"));
    assertTrue(right.asked.get(0).contains("Type the deployment name (prod)"), right.asked.toString());

    for (String wrong : new String[] {"y", "yes", "Prod", ""}) {
      CliException e = assertThrows(CliException.class,
          () -> Confirmations.typedName(new ScriptedPrompter(wrong), false, "prod", "destroy us-east-1/prod"));
      assertEquals(ExitCodes.FAILED, e.exitCode(), wrong);
    }
  }

  @Test
  void yesNoDefaultsToNo() {
    assertThrows(CliException.class, () -> Confirmations.yesNo(new ScriptedPrompter(""), false, "a", "Sure?"));
    assertThrows(CliException.class, () -> Confirmations.yesNo(new ScriptedPrompter("n"), false, "a", "Sure?"));
    assertDoesNotThrow(() -> Confirmations.yesNo(new ScriptedPrompter("Yes"), false, "a", "Sure?"));
  }

  @Test
  void endOfInputIsNotAYes() {
    CliException e = assertThrows(CliException.class,
        () -> Confirmations.typedName(new ScriptedPrompter(), false, "prod", "destroy us-east-1/prod"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
  }
}
