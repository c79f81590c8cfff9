package io.harnessdeployer.client.options;

import picocli.CommandLine.Option;

/** How results are shown. Progress always goes to stderr, so {@code --output json} stays parseable. */
public final class OutputOptions {
  public enum Format { text, json }

  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
      description = "Result format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--stacktrace", description = "Print the stack trace of an unexpected error.")
  boolean stacktrace;

  public Format format() {
    return format;
  }

  public boolean json() {
    return format == Format.json;
  }
}
