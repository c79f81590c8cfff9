package io.harnessdeployer.client;

import io.harnessdeployer.client.output.ErrorLine;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.secrets.SealException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line the same way for {@link Main} and for tests. */
public final class Cli {
  /** What users type: the launcher is {@code bin/client}. */
  public static final String BIN_NAME = "client";

  private Cli() {}

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CliContext.system());
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context) {
    return configure(new CommandLine(new HarnessDeployerCommand(context)), HarnessDeployerCommand.VERBS, out, err);
  }

  /**
   * For {@link Main}: only the verb {@code args} names is set up (picocli reflects over each verb's
   * options and mixins, about half a second for all of them); every verb when none is named (help,
   * a typo, which then gets suggestions).
   */
  public static CommandLine forArgs(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    Class<?> verb = args.length > 0 ? HarnessDeployerCommand.VERBS_BY_NAME.get(args[0]) : null;
    return configure(new CommandLine(new HarnessDeployerCommand(context)),
        verb == null ? HarnessDeployerCommand.VERBS : List.of(verb), out, err);
  }

  private static CommandLine configure(CommandLine cl, List<Class<?>> verbs, PrintWriter out, PrintWriter err) {
    verbs.forEach(cl::addSubcommand); // before the settings below, which apply to the subcommands added so far
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
    err.println(ErrorLine.of(shortenArgs(message(e), args),
        " (see '" + cl.getCommandSpec().qualifiedName() + " --help')", ErrorLine.MAX));
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /**
   * Picocli lists every unmatched argument; after a misspelt {@code --client-secret} the next one
   * is the secret. Only the first unknown option is named then, the rest only counted.
   */
  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      Optional<String> option = unmatched.stream().filter(a -> a.startsWith("-")).findFirst();
      if (option.isPresent()) {
        String name = option.get().contains("=") ? option.get().substring(0, option.get().indexOf('=')) : option.get();
        int rest = unmatched.size() - 1;
        return "Unknown option: " + UserText.quote(name)
            + (rest > 0 ? " (and " + rest + " more argument" + (rest > 1 ? "s" : "") + ", not shown)" : "");
      }
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * Picocli quotes the arguments it rejects verbatim: each long or control-laden argument (or the
   * value of {@code --opt=value}) is shown shortened and escaped instead, longest first.
   */
  static String shortenArgs(String message, String[] args) {
    List<String> values = new ArrayList<>();
    for (String a : args) {
      values.add(a);
      int eq = a.indexOf('=');
      if (a.startsWith("-") && eq > 0) {
        values.add(a.substring(eq + 1));
      }
    }
    values.sort(Comparator.comparingInt(String::length).reversed());
    String m = message;
    for (String v : values) {
      String shown = UserText.shorten(v, UserText.QUOTE_MAX);
      if (!v.isEmpty() && !shown.equals(v)) {
        m = m.replace(v, shown);
      }
    }
    return m;
  }

  private static int onExecutionError(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    if (e instanceof CliException ce) {
      code = ce.exitCode();
      err.println(ErrorLine.of(ce.getMessage(), code == ExitCodes.BAD_INPUT ? ErrorLine.MAX : ErrorLine.WIDE));
    } else if (e instanceof SealException se) {
      code = ExitCodes.BAD_INPUT;
      err.println(ErrorLine.of(se.getMessage(), ErrorLine.MAX));
    } else {
      code = ExitCodes.FAILED;
      err.println(ErrorLine.of(e.getClass().getSimpleName() + ": " + e.getMessage(),
          wantsStackTrace(parsed) ? "" : " (run with --stacktrace for details)", ErrorLine.WIDE));
    }
    if (wantsStackTrace(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean wantsStackTrace(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      // --stacktrace=false matches the option too: its value says whether it is asked for
      if (p.hasMatchedOption("--stacktrace") && Boolean.TRUE.equals(p.matchedOptionValue("--stacktrace", false))) {
        return true;
      }
    }
    return false;
  }
}
