package io.harnessdeployer.client.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.activities.agentcore.HarnessEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Shows an InvokeHarness stream as it arrives. Text: tool uses and results on their own lines, the answer's
 * deltas as they come, then the final stop reason and the usage. JSON: one object per event
 * ({@code {"event":"textDelta",...}}), flushed at once, so a pipe sees the stream too.
 */
public final class InvokePrinter implements Consumer<HarnessEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The model's text is shown as it is, but for control characters (a terminal would obey them). */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

  private final PrintWriter out;
  private final boolean json;
  private boolean midLine;
  private String stopReason;
  private HarnessEvent.Metadata usage;

  public InvokePrinter(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  @Override
  public void accept(HarnessEvent event) {
    if (json) {
      out.println(JSON.valueToTree(event) instanceof ObjectNode o ? line(name(event), o) : "{}");
    } else {
      text(event);
    }
    out.flush();
  }

  /** After the stream: the last stop reason and the usage, in text; nothing more in JSON. */
  public void finish() {
    if (json) {
      return;
    }
    endLine();
    out.println("Stop reason: " + (stopReason == null ? "(none)" : stopReason));
    if (usage != null) {
      out.printf("Usage: %d input tokens, %d output tokens, %d total (latency %d ms)%n",
          usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage.latencyMs());
    }
    out.flush();
  }

  /** A runtime error inside the stream: in JSON its own event; in text the line is ended first. */
  public void error(String code, String message) {
    if (json) {
      ObjectNode o = JSON.createObjectNode().put("code", code).put("message", message);
      out.println(line("error", o));
    } else {
      endLine();
    }
    out.flush();
  }

  private void text(HarnessEvent event) {
    if (event instanceof HarnessEvent.TextDelta d) {
      String t = CONTROL.matcher(d.text()).replaceAll("\uFFFD");
      out.print(t);
      midLine = !t.endsWith("\n");
    } else if (event instanceof HarnessEvent.ToolUse u) {
      endLine();
      out.println("[tool use] " + CONTROL.matcher(u.name()).replaceAll("\uFFFD"));
    } else if (event instanceof HarnessEvent.ToolResult r) {
      out.println("[tool result] " + (r.status() == null ? "received" : CONTROL.matcher(r.status()).replaceAll("\uFFFD")));
    } else if (event instanceof HarnessEvent.MessageStop s) {
      stopReason = s.stopReason();
    } else if (event instanceof HarnessEvent.Metadata m) {
      usage = m;
    }
  }

  private void endLine() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  private static String line(String event, ObjectNode fields) {
    ObjectNode o = JSON.createObjectNode().put("event", event);
    o.setAll(fields);
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code TextDelta} → {@code textDelta}. */
  private static String name(HarnessEvent event) {
    String n = event.getClass().getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
