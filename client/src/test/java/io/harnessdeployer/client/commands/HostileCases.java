package io.harnessdeployer.client.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of issue 8's hostile-input acceptance: every flag and settings key of {@code deploy}
 * and of {@code destroy} (and of {@code status}, {@code resume}, {@code rollback}, {@code cancel}, {@code adopt}, which read a
 * subset; {@code drift}, {@code drift schedule} and {@code plan}, which read deploy's; {@code drift unschedule},
 * {@code drift schedules}, {@code invoke}, {@code logs}, {@code history} and {@code list}), each fed every generic hostile value, plus odd values per kind (durations,
 * URLs, addresses, regions, paths, name lengths at their limits).
 */
final class HostileCases {
  enum Where { FLAG, BOOLEAN_FLAG, ENV, FILE }

  /** How a run must end. */
  enum Outcome { REJECTED, WARNED, ACCEPTED }

  /**
   * Where a value goes. {@code freeText}: a credential or container variable, where unicode and
   * {@code ${...}} are legal (and the value must never be shown).
   */
  record Slot(String command, Where where, String name, boolean freeText) {
    String label() {
      return command + " " + switch (where) {
        case FLAG, BOOLEAN_FLAG -> name;
        case ENV -> "env " + name;
        case FILE -> ".env " + name;
      };
    }
  }

  record Case(Slot slot, String valueLabel, String value, Outcome outcome) {
    @Override
    public String toString() {
      return slot.label() + " = " + valueLabel; // never the value: it may hold control characters
    }
  }

  record Hostile(String label, String value, Outcome strict, Outcome freeText) {}

  static final List<Hostile> GENERIC = List.of(
      new Hostile("10,000 characters", "a".repeat(10_000), Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("10,000 CJK characters", "名".repeat(10_000), Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("ESC sequences", "ok\u001b[2J\u001b[31mred", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("newline", "ok\nerror: forged second line", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("carriage return", "ok\rforged", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("tab", "ok\tx", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("NUL", "ok\u0000x", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("BEL and backspace", "ok\u0007\bx", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("C1 CSI", "ok\u009b31mx", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("bidi override", "ok\u202egnp.exe", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("zero-width space", "ok\u200bx", Outcome.REJECTED, Outcome.REJECTED),
      new Hostile("unicode letters", "zscäler_名前😀", Outcome.REJECTED, Outcome.ACCEPTED),
      new Hostile("${...}", "${HOME}", Outcome.REJECTED, Outcome.WARNED),
      new Hostile("${...} inside", "pre-${ZSCALER_SECRET}-post", Outcome.REJECTED, Outcome.WARNED));

  static final List<String> NAME_FLAGS = List.of("--harness-name", "--role-name", "--credential-provider-name",
      "--ecs-cluster-name", "--ecs-service-name", "--ecs-execution-role-name", "--ecs-infrastructure-role-name",
      "--ecs-log-group", "--secret-name");
  static final List<String> NAME_KEYS = List.of("HARNESS_NAME", "ROLE_NAME", "CREDENTIAL_PROVIDER_NAME",
      "ECS_CLUSTER_NAME", "ECS_SERVICE_NAME", "ECS_EXECUTION_ROLE_NAME", "ECS_INFRASTRUCTURE_ROLE_NAME", "ECS_LOG_GROUP");
  /** The gateway topology's names (spec §1.3, §1.4): deploy, destroy, drift, plan and drift schedule take them. */
  static final List<String> GATEWAY_NAME_FLAGS = List.of("--runtime-name", "--runtime-execution-role-name",
      "--gateway-name", "--gateway-target-name", "--gateway-role-name", "--oauth-provider-name",
      "--cognito-user-pool-name", "--cognito-resource-server-identifier", "--cognito-scope-name",
      "--cognito-app-client-name", "--cognito-domain-prefix");
  static final List<String> GATEWAY_NAME_KEYS = GATEWAY_NAME_FLAGS.stream()
      .map(f -> f.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT)).toList();
  static final List<String> SHARED_FLAGS = List.of("--temporal-address", "--namespace", "--region", "--profile",
      "--assume-role-arn", "--external-id",
      "--endpoint-url", "--output", "--name", "--env-file");
  static final List<String> CREDENTIAL_KEYS = List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET",
      "ZSCALER_CUSTOMER_ID", "ZSCALER_VANITY_DOMAIN", "ZSCALER_CLOUD");

  /** Issue 11's harness configuration: flags on every deploy-like command, keys read by deploy. */
  static final List<String> HARNESS_FLAGS = List.of("--memory", "--memory-strategies", "--memory-event-expiry-days",
      "--max-iterations", "--max-tokens", "--timeout-seconds", "--allowed-tools", "--system-prompt-file");
  static final List<String> HARNESS_KEYS = HARNESS_FLAGS.stream()
      .map(f -> "HARNESS_" + f.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT)).toList();

  /** The commands that read every deploy input: drift and plan check what deploy would do with them. */
  static final List<String> DEPLOY_LIKE = List.of("deploy", "drift", "plan", "drift schedule");

  /** The arguments a command needs besides the slot's (a command line may be two words: "drift schedule"). */
  static List<String> base(Slot slot) {
    List<String> args = new ArrayList<>(List.of(slot.command().split(" ")));
    if (!slot.name().equals("--yes") && !slot.command().equals("drift schedules")
        && !slot.command().equals("list")) {
      args.add("--yes");
    }
    if (slot.command().equals("invoke")) {
      args.add("list my zpa segment groups");
    }
    if (slot.name().matches("--memory-.*|HARNESS_MEMORY_.*")) {
      args.addAll(List.of("--memory", "managed")); // strategies and expiry belong to managed memory
    }
    if (slot.command().equals("drift schedule") && !slot.name().equals("--every")) {
      args.addAll(List.of("--every", "6h"));
    }
    return args;
  }

  static List<Slot> slots() {
    List<Slot> s = new ArrayList<>();
    for (String cmd : List.of("deploy", "destroy", "drift", "plan", "drift schedule")) {
      SHARED_FLAGS.forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      NAME_FLAGS.forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      GATEWAY_NAME_FLAGS.forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      List.of("--yes", "--stacktrace").forEach(f -> s.add(new Slot(cmd, Where.BOOLEAN_FLAG, f, false)));
      for (String k : List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "TOPOLOGY",
          "MCP_URL", "ZSCALER_SECRET_NAME", "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE")) {
        s.add(new Slot(cmd, Where.ENV, k, false));
      }
      NAME_KEYS.forEach(k -> s.add(new Slot(cmd, Where.ENV, k, false)));
      for (String k : List.of("AWS_REGION", "AWS_PROFILE", "TOPOLOGY", "MCP_URL", "ZSCALER_SECRET_NAME")) {
        s.add(new Slot(cmd, Where.FILE, k, false));
      }
      NAME_KEYS.forEach(k -> s.add(new Slot(cmd, Where.FILE, k, false)));
    }
    // the commands that act on a deployment: the same checks on what they read
    for (String cmd : List.of("status", "resume", "rollback", "cancel", "adopt", "drift unschedule", "invoke", "logs", "history",
        "retry-step")) {
      SHARED_FLAGS.forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      List.of("--yes", "--stacktrace").forEach(f -> s.add(new Slot(cmd, Where.BOOLEAN_FLAG, f, false)));
      for (String k : List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "HARNESS_NAME",
          "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE")) {
        s.add(new Slot(cmd, Where.ENV, k, false));
      }
      List.of("AWS_REGION", "AWS_PROFILE", "HARNESS_NAME").forEach(k -> s.add(new Slot(cmd, Where.FILE, k, false)));
    }
    List.of("resume", "rollback", "cancel").forEach(cmd -> s.add(new Slot(cmd, Where.BOOLEAN_FLAG, "--no-wait", false)));
    s.add(new Slot("retry-step", Where.FLAG, "--step", false));
    // adopt takes the original tool's names as deploy and destroy do, and its state file
    NAME_FLAGS.forEach(f -> s.add(new Slot("adopt", Where.FLAG, f, false)));
    NAME_KEYS.forEach(k -> s.add(new Slot("adopt", Where.ENV, k, false)));
    s.add(new Slot("adopt", Where.FLAG, "--state-file", false));
    // invoke continues a session; logs reads a window of a source
    s.add(new Slot("invoke", Where.FLAG, "--session-id", false));
    s.add(new Slot("logs", Where.FLAG, "--since", false));
    s.add(new Slot("logs", Where.FLAG, "--source", false));
    s.add(new Slot("logs", Where.BOOLEAN_FLAG, "--follow", false));
    // drift, plan and drift schedule take deploy's flags and settings: the same checks (credentials too, when given)
    for (String cmd : DEPLOY_LIKE) {
      List.of("--topology", "--mcp-url", "--model-id", "--on-failure", "--timeout")
          .forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      List.of("--client-id", "--client-secret", "--customer-id", "--vanity-domain")
          .forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, true)));
      List.of("--local", "--no-secrets-manager").forEach(f -> s.add(new Slot(cmd, Where.BOOLEAN_FLAG, f, false)));
      HARNESS_FLAGS.forEach(f -> s.add(new Slot(cmd, Where.FLAG, f, false)));
      List.of("MODEL_ID", "ZSCALER_MCP_IMAGE_URI").forEach(k -> s.add(new Slot(cmd, Where.FILE, k, false)));
      CREDENTIAL_KEYS.forEach(k -> s.add(new Slot(cmd, Where.ENV, k, true)));
      CREDENTIAL_KEYS.forEach(k -> s.add(new Slot(cmd, Where.FILE, k, true)));
      List.of("ZSCALER_MCP_EXTRA", "FASTMCP_LOG_LEVEL", "MCP_EXTRA").forEach(k -> s.add(new Slot(cmd, Where.FILE, k, true)));
    }
    HARNESS_KEYS.forEach(k -> s.add(new Slot("deploy", Where.ENV, k, false)));
    HARNESS_KEYS.forEach(k -> s.add(new Slot("deploy", Where.FILE, k, false)));
    s.add(new Slot("deploy", Where.BOOLEAN_FLAG, "--no-wait", false));
    s.add(new Slot("deploy", Where.FLAG, "--drift-every", false));
    s.add(new Slot("deploy", Where.BOOLEAN_FLAG, "--drift-heal", false));
    List.of("drift", "drift schedule").forEach(cmd -> s.add(new Slot(cmd, Where.BOOLEAN_FLAG, "--heal", false)));
    s.add(new Slot("drift schedule", Where.FLAG, "--every", false));
    // list reads Temporal and, without visibility, AWS: no deployment name, no --yes
    SHARED_FLAGS.stream().filter(f -> !f.equals("--name") && !f.equals("--env-file"))
        .forEach(f -> s.add(new Slot("list", Where.FLAG, f, false)));
    s.add(new Slot("list", Where.BOOLEAN_FLAG, "--stacktrace", false));
    List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE")
        .forEach(k -> s.add(new Slot("list", Where.ENV, k, false)));
    List.of("AWS_REGION", "AWS_PROFILE").forEach(k -> s.add(new Slot("list", Where.FILE, k, false)));
    // drift schedules lists every deployment: only where Temporal is, and the output
    List.of("--temporal-address", "--namespace", "--output").forEach(f -> s.add(new Slot("drift schedules", Where.FLAG, f, false)));
    s.add(new Slot("drift schedules", Where.BOOLEAN_FLAG, "--stacktrace", false));
    List.of("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE").forEach(k -> s.add(new Slot("drift schedules", Where.ENV, k, false)));
    List.of("--keep-role", "--keep-ecs", "--keep-secret", "--force-secret-delete", "--keep-cognito")
        .forEach(f -> s.add(new Slot("destroy", Where.BOOLEAN_FLAG, f, false)));
    s.add(new Slot("destroy", Where.FLAG, "--topology", false));
    // the gateway names' keys read by the same resolver drift and plan use: checked where deploy and destroy read them
    for (String cmd : List.of("deploy", "destroy")) {
      GATEWAY_NAME_KEYS.forEach(k -> s.add(new Slot(cmd, Where.ENV, k, false)));
      GATEWAY_NAME_KEYS.forEach(k -> s.add(new Slot(cmd, Where.FILE, k, false)));
    }
    for (String k : List.of("MODEL_ID", "ZSCALER_MCP_IMAGE_URI", "HARNESS_DEPLOYER_SEAL_KEY", "HARNESS_DEPLOYER_SEAL_KEY_FILE")) {
      s.add(new Slot("deploy", Where.ENV, k, false));
    }
    return s;
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    for (Slot slot : slots()) {
      for (Hostile h : GENERIC) {
        if (slot.where() == Where.FILE && (h.value().contains("\n") || h.value().contains("\r"))) {
          continue; // a settings file cannot hold a line break in a value
        }
        cases.add(new Case(slot, h.label(), h.value(), slot.freeText() ? h.freeText() : h.strict()));
      }
      cases.addAll(HostileOddValues.forSlot(slot));
    }
    return cases;
  }

  private HostileCases() {}
}
