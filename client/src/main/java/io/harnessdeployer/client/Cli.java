package io.harnessdeployer.client;

import io.harnessdeployer.workflows.secrets.SealException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the command line the same way for {@link Main} and for tests. */
public final class Cli {
  /** What users type: the launcher is {@code bin/client}. */
  public static final String BIN_NAME = "client";

  private Cli() {}

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CliContext.system());
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cl = new CommandLine(new HarnessDeployerCommand(context));
    cl.setCommandName(BIN_NAME);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Cli::onParameterError);
    cl.setExecutionExceptionHandler(Cli::onExecutionError);
    return cl;
  }

  /** One line: the problem and where to read more. */
  private static int onParameterError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private static int onExecutionError(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    if (e instanceof CliException ce) {
      code = ce.exitCode();
      err.println("error: " + ce.getMessage());
    } else if (e instanceof SealException se) {
      code = ExitCodes.BAD_INPUT;
      err.println("error: " + se.getMessage());
    } else {
      code = ExitCodes.FAILED;
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
          + (wantsStackTrace(parsed) ? "" : " (run with --stacktrace for details)"));
    }
    if (wantsStackTrace(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean wantsStackTrace(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }
}
