package io.harnessdeployer.client.config;

import java.io.Console;

/** Prompts on the process's terminal ({@link System#console()}), hidden input for secrets. */
public final class ConsolePrompter implements Prompter {
  private final Console console;

  private ConsolePrompter(Console console) {
    this.console = console;
  }

  /** A console prompter when there is a terminal, else {@link Prompter#NONE}. */
  public static Prompter system() {
    Console console = System.console();
    return isTerminal(console) ? new ConsolePrompter(console) : Prompter.NONE;
  }

  /**
   * On Java 17 a console exists only for a terminal; from Java 22 it may exist for redirected
   * streams too, and {@code isTerminal()} tells.
   */
  public static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException beforeJava22) {
      return true;
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String readLine(String prompt) {
    return console.readLine("%s", prompt);
  }

  @Override
  public String readSecret(String prompt) {
    char[] answer = console.readPassword("%s", prompt);
    return answer == null ? null : new String(answer);
  }
}
