package io.harnessdeployer.client.config;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import java.util.List;
import java.util.Locale;

/** The seed's prompt semantics (spec §1.6) on top of a {@link Prompter}. */
public final class Prompts {
  private final Prompter prompter;

  public Prompts(Prompter prompter) {
    this.prompter = prompter;
  }

  /**
   * Numbered choice; an empty answer picks {@code defaultIndex}; loops on anything else that is not
   * a listed number. Returns the chosen index.
   */
  public int choose(String title, List<String> options, int defaultIndex) {
    StringBuilder menu = new StringBuilder(title).append('\n');
    for (int i = 0; i < options.size(); i++) {
      menu.append(i == defaultIndex ? "  > " : "    ").append(i + 1).append(") ").append(options.get(i)).append('\n');
    }
    menu.append("Choose [").append(defaultIndex + 1).append("]: ");
    while (true) {
      String answer = read(menu.toString()).trim();
      if (answer.isEmpty()) {
        return defaultIndex;
      }
      try {
        int n = Integer.parseInt(answer);
        if (n >= 1 && n <= options.size()) {
          return n - 1;
        }
      } catch (NumberFormatException notANumber) {
        // ask again
      }
      menu.setLength(0);
      menu.append("Please enter a number from 1 to ").append(options.size()).append(": ");
    }
  }

  /** y/N or Y/n: anything starting with {@code y} is yes, empty is the default. */
  public boolean confirm(String question, boolean defaultYes) {
    String answer = read(question + (defaultYes ? " [Y/n]: " : " [y/N]: ")).trim().toLowerCase(Locale.ROOT);
    return answer.isEmpty() ? defaultYes : answer.startsWith("y");
  }

  public String text(String prompt) {
    return read(prompt).trim();
  }

  public String secret(String prompt) {
    String answer = prompter.readSecret(prompt);
    if (answer == null) {
      throw endOfInput();
    }
    return answer.trim();
  }

  private String read(String prompt) {
    String answer = prompter.readLine(prompt);
    if (answer == null) {
      throw endOfInput();
    }
    return answer;
  }

  private static CliException endOfInput() {
    return new CliException(ExitCodes.BAD_INPUT, "input ended before the question was answered");
  }
}
