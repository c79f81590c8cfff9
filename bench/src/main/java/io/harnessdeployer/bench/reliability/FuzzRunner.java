package io.harnessdeployer.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.StatusRuntimeException;
import io.harnessdeployer.bench.reliability.FuzzInput.Via;
import io.harnessdeployer.bench.reliability.FuzzSlots.Slot;
import io.harnessdeployer.workflows.common.Names;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one {@link FuzzInput} as a {@code bin/client} process of the lane (no worker: a workflow it
 * starts stays pending; this reads its input and terminates it) and judges the run.
 */
final class FuzzRunner implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A client that follows a started workflow ends once this terminates it; one that hangs is a finding. */
  private static final long CLIENT_TIMEOUT_MS = 30_000;
  private static final Pattern STACK = Pattern.compile(
      "(?m)^\\s+at [\\w$.]+\\(|^Caused by: |Exception in thread|^\\s*(java|javax|io|picocli|com|org|sun)\\.[\\w.$]+(Exception|Error)\\b");
  /**
   * A client that follows its run (destroy, plan, deploy without --no-wait) waits on progress
   * queries no worker answers, even once the run is terminated: it is stopped this long after.
   */
  private static final long FOLLOW_MS = 2_000;
  private static final String NAMESPACE = "default";
  static final String PROMPT = "list my zpa segment groups";
  /** Slots whose accepted value the workflow input must hold as given (trimmed). */
  private static final Pattern VERBATIM = Pattern.compile(
      ".*_NAME|ECS_LOG_GROUP|COGNITO_RESOURCE_SERVER_IDENTIFIER|COGNITO_DOMAIN_PREFIX|MODEL_ID|ZSCALER_MCP_IMAGE_URI"
          + "|AWS_ASSUME_ROLE_ARN|AWS_EXTERNAL_ID|HARNESS_MAX_ITERATIONS|HARNESS_MAX_TOKENS|HARNESS_TIMEOUT_SECONDS"
          + "|HARNESS_MEMORY_EVENT_EXPIRY_DAYS");
  /** Where a value that is well formed may still fail the command for its own sake (it points elsewhere). */
  private static final Set<String> CONNECTION = Set.of("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE", "AWS_ENDPOINT_URL",
      "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ASSUME_ROLE_ARN");

  private final Lane lane;
  private final Path root;
  private final Path work;
  private final String secret;
  private final WorkflowServiceStubs service;
  private final Set<String> seenRuns = ConcurrentHashMap.newKeySet(); // inputs run two at a time

  /** What one run did. {@code failure} null: it passed. */
  record Verdict(FuzzInput input, boolean rejected, boolean started, boolean verbatimChecked, String failure,
      String note) {}

  FuzzRunner(Lane lane) {
    lane.noWorker();
    this.lane = lane;
    this.root = Path.of(System.getProperty("reliability.root", ".")).toAbsolutePath().normalize();
    this.work = lane.home().getParent().resolve("fuzz");
    this.secret = lane.env().get("ZSCALER_CLIENT_SECRET");
    this.service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(lane.temporalAddress()).build());
    try {
      Files.createDirectories(work);
      Path fifo = work.resolve("fifo");
      if (!Files.exists(fifo)) {
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("mkfifo " + fifo + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Verdict run(FuzzInput in) {
    Slot slot = in.slot();
    String value = in.value().text().replace(FuzzValues.FIFO, work.resolve("fifo").toString())
        .replace(FuzzValues.LANE, work.toString());
    Map<String, String> env = lane.env();
    List<String> args = new ArrayList<>(List.of(root.resolve("bin/client").toString()));
    args.addAll(base(in));
    switch (in.via()) {
      case FLAG -> {
        if (slot.kind() == FuzzSlots.Kind.BOOLEAN || value.isEmpty() || value.startsWith("-")) {
          args.add(slot.flag() + "=" + value);
        } else {
          args.addAll(List.of(slot.flag(), value));
        }
      }
      case ENV -> {
        env.put(slot.key(), value);
        if (slot.key().equals("AWS_DEFAULT_REGION")) env.remove("AWS_REGION"); // else AWS_REGION wins
        if (slot.key().equals("HARNESS_DEPLOYER_SEAL_KEY_FILE")) env.remove("HARNESS_DEPLOYER_SEAL_KEY");
      }
      case FILE -> {
        env.remove(slot.key()); // the environment wins over the file
        Path file = work.resolve(in.deployment() + ".env");
        write(file, slot.key() + "=" + quoted(value) + "\n");
        args.addAll(List.of("--env-file", file.toString()));
      }
    }
    Path out = work.resolve(in.deployment() + ".out");
    Path err = work.resolve(in.deployment() + ".err");
    ProcessBuilder pb = new ProcessBuilder(args).directory(work.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    List<String> started = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    boolean hung = false;
    boolean cut = false;
    int exit;
    try {
      Process p = pb.start();
      long end = System.currentTimeMillis() + CLIENT_TIMEOUT_MS;
      long cutAt = Long.MAX_VALUE;
      while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
        watch(in, value, started, inputs);
        if (!started.isEmpty() && cutAt == Long.MAX_VALUE) cutAt = System.currentTimeMillis() + FOLLOW_MS;
        if (System.currentTimeMillis() > cutAt) { // it follows a run no worker will ever answer for: enough seen
          cut = true;
          p.destroyForcibly().waitFor();
          break;
        }
        if (System.currentTimeMillis() > end) {
          hung = true;
          p.destroyForcibly().waitFor();
          break;
        }
      }
      exit = p.exitValue();
      watch(in, value, started, inputs);
    } catch (IOException e) {
      return new Verdict(in, false, false, false, "cannot start: " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Verdict(in, false, false, false, "interrupted", null);
    }
    String stdout = Lane.read(out);
    String stderr = Lane.read(err);
    Verdict v = judge(in, value, cut ? 0 : exit, hung, stdout, stderr, started, inputs);
    if (v.failure() == null) {
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        Files.deleteIfExists(work.resolve(in.deployment() + ".env"));
      } catch (IOException e) {
        // kept for a look: harmless
      }
    }
    return v;
  }

  private Verdict judge(FuzzInput in, String value, int exit, boolean hung, String stdout, String stderr,
      List<String> started, List<String> inputs) {
    Slot slot = in.slot();
    List<String> problems = new ArrayList<>();
    List<String> errors = stderr.lines().filter(l -> l.startsWith("error:")).toList();
    boolean rejected = exit == 2 && !errors.isEmpty();
    boolean mustReject = FuzzValues.mustReject(slot, value);
    if (hung) problems.add("still running after " + CLIENT_TIMEOUT_MS / 1000 + " s");
    if (exit < 0 || exit > 3) problems.add("exit " + exit);
    boolean traceAsked = "--stacktrace".equals(slot.flag()) && value.equalsIgnoreCase("true");
    if (!traceAsked && (STACK.matcher(stdout).find() || STACK.matcher(stderr).find())) problems.add("a stack trace");
    if (stderr.contains("--stacktrace for details")) problems.add("an unexpected exception: " + first(errors));
    if (stdout.contains(secret) || stderr.contains(secret)) problems.add("the secret shown");
    if (slot.freeText() && value.strip().length() >= 8 && stderr.contains(value)) problems.add("the credential value shown");
    // a stack trace that was asked for is indented with tabs
    if (stderr.codePoints().anyMatch(c -> c != '\n' && !(traceAsked && c == '\t') && FuzzValues.isControlOrFormat(c))) {
      problems.add("a raw control character on stderr");
    }
    boolean verbatim = false;
    if (rejected) {
      if (errors.size() != 1) problems.add(errors.size() + " error lines");
      if (errors.stream().anyMatch(l -> l.length() > 200)) problems.add("an error line of " + errors.get(0).length() + " chars");
      if (!started.isEmpty()) problems.add("rejected, yet started " + started);
      if (!stdout.isEmpty()) problems.add("rejected, yet wrote stdout");
      stderr.lines().filter(l -> !l.startsWith("error:") && !l.startsWith("[INFO]") && !l.startsWith("[WARN]"))
          .findFirst().ifPresent(l -> problems.add("an extra stderr line: " + FuzzValues.shown(l)));
    } else if (!hung) {
      if (mustReject) {
        problems.add((started.isEmpty() ? "accepted" : "started " + started) + " (exit " + exit + ") a value issue 8"
            + " rejects" + (errors.isEmpty() ? "" : ": " + first(errors)));
      } else if (exit == 1 && started.isEmpty() && slot.command().matches("deploy|plan")
          && !CONNECTION.contains(String.valueOf(slot.key()))) {
        problems.add("exit 1 before any workflow (bad input is 2): " + first(errors));
      }
      for (String json : inputs) {
        if (json.contains(secret)) problems.add("the secret in the workflow input");
      }
      String key = slot.key() != null ? slot.key() : "";
      if (Names.CREDENTIAL_KEYS.contains(key) && value.strip().length() >= 8
          && inputs.stream().anyMatch(json -> json.contains(value.strip()))) {
        problems.add("the credential unsealed in the workflow input"); // sealed before it leaves the CLI
      }
      if (!inputs.isEmpty() && VERBATIM.matcher(key).matches() && !value.isBlank()) {
        verbatim = true;
        if (inputs.stream().noneMatch(json -> holds(json, value.strip()))) {
          problems.add("the workflow input lacks the value as given");
        }
      }
    }
    String note = !rejected && exit == 1 ? first(errors) : null;
    return new Verdict(in, rejected, !started.isEmpty(), verbatim, problems.isEmpty() ? null : String.join("; ", problems),
        note);
  }

  /** Whether a text or number leaf of the workflow input is the value. */
  private static boolean holds(String json, String value) {
    try {
      List<JsonNode> stack = new ArrayList<>(List.of(JSON.readTree(json)));
      while (!stack.isEmpty()) {
        JsonNode node = stack.remove(stack.size() - 1);
        if (node.isValueNode() && node.asText().equals(value)) return true;
        node.elements().forEachRemaining(stack::add);
      }
      return false;
    } catch (IOException e) {
      return json.contains(value);
    }
  }

  private static String first(List<String> errors) {
    return errors.isEmpty() ? "(no error line)" : FuzzValues.shown(errors.get(0).length() > 160
        ? errors.get(0).substring(0, 160) : errors.get(0));
  }

  /** A workflow id in a namespace. */
  private record Where(String namespace, String id) {}

  /**
   * Workflows this input may have started: its deployment's, and the ones the value itself would
   * name (a region, a deployment name, a namespace: the test server takes any namespace).
   */
  private Set<Where> workflowIds(FuzzInput in, String value) {
    Set<String> regions = new LinkedHashSet<>(List.of(CrashSection.REGION));
    Set<String> names = new LinkedHashSet<>(List.of(in.deployment()));
    Set<String> namespaces = new LinkedHashSet<>(List.of(NAMESPACE));
    String key = String.valueOf(in.slot().key());
    if (key.equals("AWS_REGION") || key.equals("AWS_DEFAULT_REGION")) regions.add(value.strip());
    if (key.equals("TEMPORAL_NAMESPACE") && !value.isBlank()) namespaces.add(value.strip());
    if ("--name".equals(in.slot().flag())) {
      names.add(value.strip());
      names.add("zscaler_mcp_harness"); // an unset --name falls back to the harness name
    }
    Set<Where> ids = new LinkedHashSet<>();
    for (String ns : namespaces) {
      for (String r : regions) {
        for (String name : names) {
          String id = "harness-deployer/" + r + "/" + name;
          ids.add(new Where(ns, id));
          ids.add(new Where(ns, id + "/plan"));
        }
      }
    }
    return ids;
  }

  /** A run not seen before: its input is kept and it is terminated (no worker would ever run it). */
  private void watch(FuzzInput in, String value, List<String> started, List<String> inputs) {
    for (Where w : workflowIds(in, value)) {
      Optional<WorkflowExecution> run = describe(w);
      if (run.isEmpty() || !seenRuns.add(run.get().getRunId())) continue;
      started.add(w.namespace().equals(NAMESPACE) ? w.id() : w.id() + " in namespace " + FuzzValues.shown(w.namespace()));
      try {
        HistoryEvent first = service.blockingStub().getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest
            .newBuilder().setNamespace(w.namespace()).setExecution(run.get()).setMaximumPageSize(1).build())
            .getHistory().getEvents(0);
        for (Payload p : first.getWorkflowExecutionStartedEventAttributes().getInput().getPayloadsList()) {
          inputs.add(p.getData().toString(StandardCharsets.UTF_8));
        }
      } catch (RuntimeException e) {
        inputs.add("");
      }
      try {
        service.blockingStub().terminateWorkflowExecution(TerminateWorkflowExecutionRequest.newBuilder()
            .setNamespace(w.namespace()).setWorkflowExecution(run.get())
            .setReason("fuzz: no worker runs this lane's workflows").build());
      } catch (RuntimeException e) {
        // it ended already
      }
    }
  }

  private Optional<WorkflowExecution> describe(Where w) {
    if (w.id().length() > 1000 || w.namespace().length() > 1000 || (w.id() + w.namespace()).chars().anyMatch(c -> c < 0x20)) {
      return Optional.empty(); // no such id or namespace is valid
    }
    try {
      return Optional.of(service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace(w.namespace()).setExecution(WorkflowExecution.newBuilder().setWorkflowId(w.id())).build())
          .getWorkflowExecutionInfo().getExecution());
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  /** The arguments the command needs besides the input's; the input's own flag is left out. */
  static List<String> base(FuzzInput in) {
    Slot slot = in.slot();
    String flag = String.valueOf(slot.flag());
    String key = String.valueOf(slot.key());
    List<String> a = new ArrayList<>(List.of(slot.command()));
    if (slot.command().equals("invoke")) a.add(PROMPT);
    if (slot.command().equals("list")) return a;
    if (!flag.equals("--name")) a.addAll(List.of("--name", in.deployment()));
    if (!flag.equals("--yes")) a.add("--yes");
    if (slot.command().matches("deploy|plan")) {
      boolean drift = flag.startsWith("--drift-");
      // --no-wait returns once the deploy started; --drift-every refuses it, so those runs follow until terminated
      if (slot.command().equals("deploy") && !drift && !flag.equals("--no-wait")) a.add("--no-wait");
      if (flag.equals("--drift-heal")) a.addAll(List.of("--drift-every", "6h"));
      if (key.matches("HARNESS_MEMORY_.+")) a.addAll(List.of("--memory", "managed"));
      if (key.equals("AWS_EXTERNAL_ID")) a.addAll(List.of("--assume-role-arn", "arn:aws:iam::123456789012:role/fuzz"));
    }
    return a;
  }

  /** A settings-file value kept verbatim: in quotes of a kind it does not hold. */
  private static String quoted(String v) {
    if (!v.contains("\"")) return "\"" + v + "\"";
    if (!v.contains("'")) return "'" + v + "'";
    return v;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    service.shutdownNow();
  }
}
