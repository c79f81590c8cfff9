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
    return console == null ? Prompter.NONE : new ConsolePrompter(console);
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
