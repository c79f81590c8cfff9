package io.harnessdeployer.client.commands;

import io.harnessdeployer.activities.agentcore.Harness;
import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.activities.agentcore.InvokeHarnessRequest;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.client.CliContext;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.HarnessDeployerCommand;
import io.harnessdeployer.client.config.DeploymentTargets;
import io.harnessdeployer.client.invoke.InvokePrinter;
import io.harnessdeployer.client.live.LiveLookup;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.client.options.DeploymentOptions;
import io.harnessdeployer.client.options.OutputOptions;
import io.harnessdeployer.client.options.TemporalOptions;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DeployedResources;
import io.harnessdeployer.client.temporal.Deployments;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.harnessdeployer.workflows.common.DeploymentKey;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One user turn to the deployment's harness (spec §8.3), streamed as it arrives. The harness comes
 * from the deployment's last deploy in Temporal; the call is the CLI's own, signed with its AWS
 * credentials. Exit 0 when the turn ends, 1 on an error before or inside the stream.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
    description = "Send one message to the deployment's harness and stream its answer, the stop reason and the token usage.")
public final class InvokeCommand implements Callable<Integer> {
  /** The API's runtimeSessionId: 33 to 100 characters. */
  static final Pattern SESSION_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{32,99}");
  static final int MAX_PROMPT = 100_000;

  @ParentCommand HarnessDeployerCommand root;
  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DeploymentOptions deployment;

  @Parameters(index = "0", paramLabel = "PROMPT", description = "The message to send.")
  String prompt;

  @Option(names = "--session-id", paramLabel = "ID",
      description = "Continue this runtime session (33-100 letters, digits, - or _; default: a new harness-smoke-… id).")
  String sessionId;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    OutputPrinter printer = new OutputPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
    if (prompt == null || prompt.isBlank()) {
      throw CliException.badInput("provide a message: invoke \"<prompt>\"");
    }
    if (prompt.length() > MAX_PROMPT) {
      throw CliException.badInput("the message is " + prompt.length() + " characters long: at most " + MAX_PROMPT);
    }
    if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
      throw CliException.badInput("--session-id must be 33 to 100 letters, digits, '-' or '_', starting with a letter or digit");
    }
    String session = sessionId != null ? sessionId : "harness-smoke-" + UUID.randomUUID().toString().replace("-", "");
    Target.check(ctx, temporal, aws);
    DeploymentKey key = DeploymentTargets.resolve(ctx, deployment, aws);
    Target target = Target.resolve(ctx, temporal, aws);
    DeployedResources deployed;
    try (TemporalConnection conn = ctx.temporal().connect(target.temporalAddress(), target.namespace())) {
      deployed = DeployedResources.of(new Deployments(conn), key);
    }
    try (AwsClients clients = LiveLookup.clients(target, key.region(), LiveLookup.profile(ctx, deployment.envFile(), aws.profile()))) {
      Harness h = clients.harness(key.region()).getHarness(deployed.harnessId());
      if (!h.ready()) {
        throw CliException.failed("harness " + h.harnessId() + " is " + h.status() + ", not READY: nothing to invoke yet");
      }
      printer.note("[INFO] invoking harness " + h.harnessId() + " of " + key + " (session " + session + ")");
      InvokePrinter stream = new InvokePrinter(spec.commandLine().getOut(), output.json());
      try {
        clients.harness(key.region()).invokeHarness(new InvokeHarnessRequest(h.arn(), session, prompt), stream);
      } catch (HarnessApiException e) {
        stream.error(e.code(), e.getMessage());
        throw CliException.failed("InvokeHarness failed: " + e.getMessage());
      }
      stream.finish();
      return ExitCodes.OK;
    } catch (HarnessApiException e) {
      throw CliException.failed("the harness of " + key + " could not be read: " + e.getMessage());
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw CliException.failed("InvokeHarness failed: " + e.getMessage());
    }
  }
}
