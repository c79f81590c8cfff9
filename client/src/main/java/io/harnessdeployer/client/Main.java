package io.harnessdeployer.client;

import java.io.PrintWriter;

/** Entry point of {@code bin/client}. */
public final class Main {
  private static final String SLF4J_PROVIDER = "slf4j.provider";

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty(SLF4J_PROVIDER) == null) { // named, not looked for on the classpath: 40 ms
      System.setProperty(SLF4J_PROVIDER, "ch.qos.logback.classic.spi.LogbackServiceProvider");
      System.setProperty("slf4j.internal.verbosity", "WARN"); // else it says so on stderr
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    StartUp startUp = StartUp.begin(args);
    picocli.CommandLine cl = Cli.forArgs(args, out, err, CliContext.system());
    startUp.awaitLogging();
    int code = cl.execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
