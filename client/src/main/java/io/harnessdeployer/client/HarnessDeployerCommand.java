package io.harnessdeployer.client;

import io.harnessdeployer.client.commands.AdoptCommand;
import io.harnessdeployer.client.commands.CancelCommand;
import io.harnessdeployer.client.commands.DeployCommand;
import io.harnessdeployer.client.commands.DestroyCommand;
import io.harnessdeployer.client.commands.DevCommand;
import io.harnessdeployer.client.commands.DriftCommand;
import io.harnessdeployer.client.commands.HistoryCommand;
import io.harnessdeployer.client.commands.InvokeCommand;
import io.harnessdeployer.client.commands.ListCommand;
import io.harnessdeployer.client.commands.LogsCommand;
import io.harnessdeployer.client.commands.PlanCommand;
import io.harnessdeployer.client.commands.ResumeCommand;
import io.harnessdeployer.client.commands.RetryStepCommand;
import io.harnessdeployer.client.commands.RollbackCommand;
import io.harnessdeployer.client.commands.StatusCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root: only a list of verbs ({@link #VERBS}). Subcommands reach the {@link CliContext} through it. */
@Command(
    name = "harness-deployer",
    mixinStandardHelpOptions = true,
    version = "harness-deployer 0.1.0",
    description = "Deploys the Zscaler MCP Server to AWS as a tool of an Amazon Bedrock AgentCore Harness,"
        + " durably, on Temporal.",
    footer = {"", "Exit codes:", "  0  ok", "  1  failed, rolled back, or a destroy left something behind",
        "  2  bad input (nothing was started); for drift and plan: drift found, changes planned",
        "  3  paused, waiting for an operator (resume or rollback)",
        "  130 ended by Ctrl-C: logs --follow; deploy (the deploy goes on in the worker)"})
public final class HarnessDeployerCommand implements Callable<Integer> {
  /**
   * The verbs by name, in the order help lists them ({@link Cli} registers them: all, or the one a
   * command line names, found here without reading every verb's annotations).
   */
  public static final Map<String, Class<?>> VERBS_BY_NAME = ordered(
      "deploy", DeployCommand.class, "status", StatusCommand.class, "resume", ResumeCommand.class,
      "rollback", RollbackCommand.class, "cancel", CancelCommand.class, "destroy", DestroyCommand.class,
      "adopt", AdoptCommand.class, "drift", DriftCommand.class, "plan", PlanCommand.class,
      "invoke", InvokeCommand.class, "logs", LogsCommand.class, "list", ListCommand.class,
      "history", HistoryCommand.class, "retry-step", RetryStepCommand.class, "dev", DevCommand.class);
  public static final List<Class<?>> VERBS = List.copyOf(VERBS_BY_NAME.values());

  private static Map<String, Class<?>> ordered(Object... nameThenClass) {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private final CliContext context;

  @Spec CommandSpec spec;

  public HarnessDeployerCommand(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: a command is required (see '" + Cli.BIN_NAME + " --help')");
    return ExitCodes.BAD_INPUT;
  }
}
