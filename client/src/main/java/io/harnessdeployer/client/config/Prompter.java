package io.harnessdeployer.client.config;

/** Asks a person. Only used when {@link #interactive()}; tests pass a scripted one. */
public interface Prompter {
  /** True when a person can answer: stdin and stdout are a terminal. */
  boolean interactive();

  /** Shows {@code prompt} and reads one line; null at end of input. */
  String readLine(String prompt);

  /** Like {@link #readLine} without echo; the answer is never printed back. */
  String readSecret(String prompt);

  /** For a process without a terminal: never asks. */
  Prompter NONE = new Prompter() {
    @Override
    public boolean interactive() {
      return false;
    }

    @Override
    public String readLine(String prompt) {
      throw new IllegalStateException("no terminal to ask on");
    }

    @Override
    public String readSecret(String prompt) {
      throw new IllegalStateException("no terminal to ask on");
    }
  };
}
