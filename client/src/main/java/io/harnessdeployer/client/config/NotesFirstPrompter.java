package io.harnessdeployer.client.config;

/**
 * Runs {@code beforeAsking} (printing the notes held back so far) before each question, so a
 * person reads the notes about their settings before being asked for more.
 */
public record NotesFirstPrompter(Prompter prompter, Runnable beforeAsking) implements Prompter {
  @Override
  public boolean interactive() {
    return prompter.interactive();
  }

  @Override
  public String readLine(String prompt) {
    beforeAsking.run();
    return prompter.readLine(prompt);
  }

  @Override
  public String readSecret(String prompt) {
    beforeAsking.run();
    return prompter.readSecret(prompt);
  }
}
