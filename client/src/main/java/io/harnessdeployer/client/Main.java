package io.harnessdeployer.client;

import java.io.PrintWriter;

/** Entry point of {@code bin/client}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = Cli.forArgs(args, out, err, CliContext.system()).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
