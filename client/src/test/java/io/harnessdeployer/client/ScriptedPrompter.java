package io.harnessdeployer.client;

import io.harnessdeployer.client.config.Prompter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal that answers from a script and records what it was asked. */
public final class ScriptedPrompter implements Prompter {
  private final Deque<String> answers;
  public final List<String> asked = new ArrayList<>();
  public final List<String> askedSecretly = new ArrayList<>();

  public ScriptedPrompter(String... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String readLine(String prompt) {
    asked.add(prompt);
    return answers.poll();
  }

  @Override
  public String readSecret(String prompt) {
    askedSecretly.add(prompt);
    return answers.poll();
  }

  public boolean exhausted() {
    return answers.isEmpty();
  }
}
