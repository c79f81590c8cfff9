package io.harnessdeployer.client.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.activities.agentcore.HarnessEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvokePrinterTest {
  private static final List<HarnessEvent> TURN = List.of(
      new HarnessEvent.MessageStart("assistant"),
      new HarnessEvent.ToolUse(0, "tooluse_1", "zpa_list_segment_groups"),
      new HarnessEvent.MessageStop("tool_use"),
      new HarnessEvent.ToolResult(0, "tooluse_1", "success"),
      new HarnessEvent.MessageStart("assistant"),
      new HarnessEvent.TextDelta(0, "Two segment "),
      new HarnessEvent.TextDelta(0, "groups\u001b[2J."),
      new HarnessEvent.MessageStop("end_turn"),
      new HarnessEvent.Metadata(12, 5, 17, 150));

  private static String print(boolean json, boolean fails) {
    StringWriter s = new StringWriter();
    InvokePrinter p = new InvokePrinter(new PrintWriter(s), json);
    TURN.subList(0, fails ? 6 : TURN.size()).forEach(p);
    if (fails) p.error("RuntimeClientError", "boom");
    else p.finish();
    return s.toString();
  }

  @Test
  void text_toolUsesOnTheirOwnLine_theAnswer_thenTheLastStopReasonAndTheUsage() {
    assertEquals("[tool use] zpa_list_segment_groups\n[tool result] success\nTwo segment groups\uFFFD[2J.\nStop reason: end_turn\n"
        + "Usage: 12 input tokens, 5 output tokens, 17 total (latency 150 ms)\n", print(false, false));
  }

  @Test
  void json_oneObjectPerEvent() {
    List<String> lines = print(true, false).lines().toList();
    assertEquals(TURN.size(), lines.size());
    assertEquals("{\"event\":\"toolUse\",\"contentBlockIndex\":0,\"toolUseId\":\"tooluse_1\",\"name\":\"zpa_list_segment_groups\"}",
        lines.get(1));
    assertEquals("{\"event\":\"textDelta\",\"contentBlockIndex\":0,\"text\":\"Two segment \"}", lines.get(5));
    assertEquals("{\"event\":\"metadata\",\"inputTokens\":12,\"outputTokens\":5,\"totalTokens\":17,\"latencyMs\":150}",
        lines.get(8));
  }

  @Test
  void anErrorInsideTheStream_endsTheTextLine_orIsItsOwnJsonEvent() {
    assertEquals("[tool use] zpa_list_segment_groups\n[tool result] success\nTwo segment \n", print(false, true));
    List<String> lines = print(true, true).lines().toList();
    assertEquals("{\"event\":\"error\",\"code\":\"RuntimeClientError\",\"message\":\"boom\"}", lines.get(lines.size() - 1));
  }
}
