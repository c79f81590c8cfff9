package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.output.OutputPrinter;
import io.harnessdeployer.client.temporal.DeployResult;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.deploy.DeployStatus;
import io.harnessdeployer.workflows.deploy.DeploySummary;
import io.harnessdeployer.workflows.deploy.ResourceOutcome;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last lines of a deploy that paused or ended with several steps failed side by side. */
class DeployReportsTest {
  static final DeploymentKey KEY = new DeploymentKey("us-east-1", "demo");

  static StepState failed(String id, StepStatus status, String error) {
    return StepState.pending(id, "Step " + id).running(0).failed(10, status, error);
  }

  static String report(DeployResult r) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    DeployReports.report(new OutputPrinter(new PrintWriter(out, true), new PrintWriter(err, true), false), r, KEY, false);
    return err.toString();
  }

  @Test
  void aPauseNamesTheFailedStepAndTheOthersThatFailedBesideIt() {
    List<StepState> steps = List.of(
        StepState.pending("secret", "Step secret").running(0).done(5, "arn", Outcome.CREATED),
        failed("cluster", StepStatus.PAUSED, "AccessDenied: ecs:CreateCluster"),
        failed("log-group", StepStatus.PAUSED, "InternalFailure:\n500"));
    DeployResult r = new DeployResult("us-east-1/demo", "wf", "run", "PAUSED", null, "log-group", "InternalFailure: 500",
        List.of(), steps);

    assertEquals(List.of(
        "Paused us-east-1/demo at step log-group: InternalFailure: 500",
        "  also failed: cluster: AccessDenied: ecs:CreateCluster",
        "Fix the cause, then either:"), report(r).lines().limit(3).toList());
  }

  @Test
  void aRollbackNamesOnlyTheStepsStillFailed() {
    List<StepState> steps = List.of(
        failed("harness", StepStatus.FAILED, "ValidationException").compensation(StepStatus.COMPENSATED, "DELETED"),
        failed("log-group", StepStatus.FAILED, "Throttling"));
    DeployResult r = new DeployResult("us-east-1/demo", "wf", "run", "ROLLED_BACK", null, "harness",
        "rolled back after harness failed: ValidationException", List.of(), steps);

    assertEquals(List.of(
        "Deploy of us-east-1/demo ended ROLLED_BACK at step harness: rolled back after harness failed: ValidationException",
        "  also failed: log-group: Throttling"), report(r).lines().toList());
    assertEquals(ExitCodes.FAILED, DeployReports.report(new OutputPrinter(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), false), r, KEY, false));
  }

  static DeploySummary summary(List<ResourceOutcome> resources) {
    return new DeploySummary("us-east-1/demo", DeployStatus.SUCCEEDED, "h-1", "arn:h", "h", "READY", "m",
        "https://x/mcp", "ECS Express — zscaler-mcp-server (cluster: zscaler-mcp)", "arn:r", "arn:p", "arn:t",
        "arn:i", "zscaler-mcp", "arn:svc", "/ecs/zscaler-mcp", SecretMode.MANAGED, "zscaler-mcp-harness/credentials",
        "arn:s", "https://console", resources);
  }

  static String printed(DeploySummary s) {
    StringWriter out = new StringWriter();
    DeployReports.summary(new PrintWriter(out, true), s, KEY);
    return out.toString();
  }

  @Test
  void aRotationIsSaidOnItsOwnLine_andOnEachRotatedResource() {
    String text = printed(summary(List.of(
        new ResourceOutcome("secret", "secret", "zscaler-mcp-harness/credentials", Outcome.UPDATED, true),
        new ResourceOutcome("cluster", "ecs-cluster", "zscaler-mcp", Outcome.ADOPTED),
        new ResourceOutcome("service", "ecs-service", "arn:svc", Outcome.UPDATED, true),
        new ResourceOutcome("credential-provider", "api-key-provider", "zscaler-mcp-creds", Outcome.UPDATED, true))));

    assertTrue(text.contains("  Credentials          rotated: secret (new version), service (rolled out, new tasks"
        + " read them), Token Vault provider (new key); this deploy's credentials are the source of truth\n"), text);
    assertTrue(text.contains("  updated   secret                 zscaler-mcp-harness/credentials (rotated)\n"), text);
    assertTrue(text.contains("  adopted   ecs-cluster            zscaler-mcp\n"), text);
    assertTrue(text.contains("  updated   ecs-service            arn:svc (rotated)\n"), text);
    assertTrue(text.contains("  updated   api-key-provider       zscaler-mcp-creds (rotated)\n"), text);
  }

  @Test
  void withoutARotation_noCredentialsLine_andNoMark() {
    String text = printed(summary(List.of(
        new ResourceOutcome("secret", "secret", "zscaler-mcp-harness/credentials", Outcome.ADOPTED),
        new ResourceOutcome("credential-provider", "api-key-provider", "zscaler-mcp-creds", Outcome.UPDATED))));
    assertFalse(text.contains("Credentials"), text);
    assertFalse(text.contains("rotated"), text);
    assertTrue(text.contains("  updated   api-key-provider       zscaler-mcp-creds\n"), text);
  }

  @Test
  void theLogsRows_nameTheServicesGroup_andTheHarnessRuntimeGroups() {
    String text = printed(summary(List.of()));
    assertTrue(text.contains("  Logs                 /ecs/zscaler-mcp (MCP server containers)\n"), text);
    assertTrue(text.contains("  Harness logs         /aws/bedrock-agentcore/runtimes/*h* (made by its first invocation)\n"),
        text);
    assertFalse(text.contains("auto-managed"), text);
    assertTrue(text.endsWith("Next:\n  client status --name demo --region us-east-1\n"
        + "  client logs --name demo --region us-east-1 --since 1h\n"
        + "  client destroy --name demo --region us-east-1\n"), text);
  }

  @Test
  void aStackThatStopsWithTheCommand_getsNoHintsItsStackCouldNotAnswer() {
    StringWriter out = new StringWriter();
    DeployReports.summary(new PrintWriter(out, true), summary(List.of()), KEY, false);
    String text = out.toString();
    assertFalse(text.contains("client status") || text.contains("client destroy") || text.contains("client logs"), text);
    assertTrue(text.endsWith("Next:\n  client dev   a local stack that stays; then deploy --local to it, and status,"
        + " invoke, logs and destroy reach it\n"), text);

    DeployResult paused = new DeployResult("us-east-1/demo", "wf", "run", "PAUSED", null, "cluster", "boom", List.of(),
        List.of(failed("cluster", StepStatus.PAUSED, "boom")));
    StringWriter err = new StringWriter();
    assertEquals(ExitCodes.PAUSED, DeployReports.report(new OutputPrinter(new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), false), paused, KEY, false, false));
    assertFalse(err.toString().contains("client resume") || err.toString().contains("client rollback"), err.toString());
    assertTrue(err.toString().contains("stops now, and the paused deploy with it"), err.toString());
  }
}
