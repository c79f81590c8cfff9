package io.harnessdeployer.client.config;

/**
 * A resolved value and where it came from, e.g. {@code --harness-name}, {@code env HARNESS_NAME},
 * {@code .env:4}, {@code default}, {@code prompt}. Messages quote the source so a user can find the
 * value to fix.
 */
public record Setting(String value, String source) {
  public Setting {
    if (value == null) {
      throw new IllegalArgumentException("a setting needs a value; use Optional for absent ones");
    }
  }

  /** " (from .env:4)"-style suffix for messages. */
  public String from() {
    return " (from " + source + ")";
  }

  /** Names the source only: a setting may hold a secret. */
  @Override
  public String toString() {
    return "Setting[from " + source + "]";
  }
}
