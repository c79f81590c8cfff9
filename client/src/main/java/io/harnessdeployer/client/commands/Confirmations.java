package io.harnessdeployer.client.commands;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import io.harnessdeployer.client.config.Prompts;

/**
 * Confirmation rules for commands that delete. {@code --yes} skips them; without it a person must
 * answer on a terminal, and without a terminal the command refuses (exit 2) rather than guess.
 * Declining ends the command with exit 1: nothing was done.
 *
 * @see #typedName
 */
public final class Confirmations {
  private Confirmations() {}

  /**
   * The person must type the deployment {@code name} exactly (destroy).
   *
   * @param action what will happen, e.g. "destroy us-east-1/prod", for the prompt and the refusal
   */
  public static void typedName(Prompter prompter, boolean yes, String name, String action) {
    if (yes) {
      return;
    }
    requireTerminal(prompter, action);
    String answer = new Prompts(prompter).text("This will " + action + ". Type the deployment name (" + name
        + ") to confirm: ");
    if (!answer.equals(name)) {
      throw new CliException(ExitCodes.FAILED, "cancelled: the name typed is not " + name + "; nothing was done");
    }
  }

  /** A y/N question, default No. */
  public static void yesNo(Prompter prompter, boolean yes, String action, String question) {
    if (yes) {
      return;
    }
    requireTerminal(prompter, action);
    if (!new Prompts(prompter).confirm(question, false)) {
      throw new CliException(ExitCodes.FAILED, "cancelled; nothing was done");
    }
  }

  /**
   * For a command that asks only after a first look (adopt): refuses at once, before anything
   * starts, when it will need an answer and there is no terminal to give one.
   */
  public static void answerable(Prompter prompter, boolean yes, String action) {
    if (!yes) {
      requireTerminal(prompter, action);
    }
  }

  private static void requireTerminal(Prompter prompter, String action) {
    if (!prompter.interactive()) {
      throw CliException.badInput("confirmation needed to " + action + ", but there is no terminal to ask on: pass --yes");
    }
  }
}
