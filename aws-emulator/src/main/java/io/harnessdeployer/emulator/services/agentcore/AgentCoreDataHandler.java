package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.util.List;
import java.util.Map;

/**
 * bedrock-agentcore (data plane): InvokeHarness against the harnesses of {@link AgentCoreControlHandler}.
 * The answer is simulated and deterministic; no model is called and no tool is dialled.
 */
public final class AgentCoreDataHandler implements ServiceHandler {
  private final Harnesses harnesses;
  private final HarnessAnswer answers;
  private final Map<String, Operation> operations = Map.of("InvokeHarness", this::invokeHarness);

  public AgentCoreDataHandler(AgentCoreControlHandler control, ToolHosts toolHosts) {
    this.harnesses = control.harnesses();
    this.answers = new HarnessAnswer(toolHosts, control.providers());
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
    if (qualifier != null && !qualifier.equals("DEFAULT")) {
      throw Errors.notFound("Endpoint " + qualifier + " of harness " + h.id() + " not found.");
    }
    if (!h.status().equals("READY")) {
      throw Errors.invalid("ResourceConflict", "Harness " + h.id() + " is " + h.status() + ", not READY.");
    }
    return Map.of("stream", answers.events(ctx, h.spec(), input));
  }

  @Override
  public List<ResourceView> resources() {
    return List.of();
  }

  /** State lives in the control plane's handler, which resets it. */
  @Override
  public void reset() {}
}
