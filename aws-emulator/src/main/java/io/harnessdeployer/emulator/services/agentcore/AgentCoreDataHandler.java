package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bedrock-agentcore (data plane): InvokeHarness against the harnesses of {@link AgentCoreControlHandler}.
 * The answer is simulated and deterministic; no model is called, and only tools the emulator itself
 * hosts are called. Each turn writes its log lines into the harness's runtime log group, which
 * appears with the first invocation (as the spec says it does in AWS).
 */
public final class AgentCoreDataHandler implements ServiceHandler {
  /** The harness runtime's log group is {@code <prefix><harness id>-DEFAULT}. */
  static final String RUNTIME_LOG_PREFIX = "/aws/bedrock-agentcore/runtimes/";
  private static final DateTimeFormatter STREAM_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private final Harnesses harnesses;
  private final HarnessAnswer answers;
  private final CloudLookup cloud;
  private static final String DEFAULT_QUALIFIER = "DEFAULT";
  private final Map<String, Operation> operations = Map.of("InvokeHarness", this::invokeHarness);

  public AgentCoreDataHandler(AgentCoreControlHandler control, ToolHosts toolHosts) {
    this.harnesses = control.harnesses();
    this.answers = new HarnessAnswer(toolHosts, control.providers());
    this.cloud = control.cloud();
  }

  @Override
  public String service() {
    return "bedrock-agentcore";
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  private Map<String, Object> invokeHarness(RequestContext ctx, Map<String, Object> input) {
    String sessionId = (String) input.get("runtimeSessionId");
    if (sessionId == null || sessionId.length() < 33 || sessionId.length() > 100) {
      throw Errors.invalidField("runtimeSessionId", "runtimeSessionId must be between 33 and 100 characters long.");
    }
    String arn = (String) input.get("harnessArn");
    Harnesses.HarnessSnapshot h =
        harnesses.byArn(ctx, arn).orElseThrow(() -> Errors.notFound("Harness " + arn + " not found."));
    Object qualifier = input.get("qualifier");
    if (qualifier != null && !qualifier.equals(DEFAULT_QUALIFIER)) {
      throw Errors.notFound("Endpoint " + qualifier + " of harness " + h.id() + " not found.");
    }
    if (!h.status().equals("READY")) {
      throw Errors.invalid("ResourceConflict", "Harness " + h.id() + " is " + h.status() + ", not READY.");
    }
    List<String> log = new ArrayList<>();
    log.add("invocation started: session " + sessionId);
    List<Object> events = answers.events(ctx, h.spec(), input, log);
    cloud.writeLog(ctx.accountId(), ctx.region(), RUNTIME_LOG_PREFIX + h.id() + "-" + DEFAULT_QUALIFIER,
        STREAM_DAY.format(ctx.now()) + "/[runtime-logs]" + sessionId, ctx.now(), log, true);
    return Map.of("stream", events);
  }

  @Override
  public List<ResourceView> resources() {
    return List.of();
  }

  /** State lives in the control plane's handler, which resets it. */
  @Override
  public void reset() {}
}
