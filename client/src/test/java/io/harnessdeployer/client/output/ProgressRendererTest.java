package io.harnessdeployer.client.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {
  static ProgressRow row(String id, String status, long seconds, String detail) {
    return new ProgressRow(id, "Step " + id, status, seconds < 0 ? null : Duration.ofSeconds(seconds), detail);
  }

  @Test
  void plainOutputPrintsOneLinePerChangeAndSkipsPending() {
    StringWriter text = new StringWriter();
    ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), false);

    r.render(List.of(row("a", "RUNNING", 1, ""), row("b", "PENDING", -1, "")));
    r.render(List.of(row("a", "RUNNING", 2, ""), row("b", "PENDING", -1, ""))); // only elapsed changed
    r.render(List.of(row("a", "DONE", 3, "role-x created"), row("b", "RUNNING", 0, "")));

    assertEquals(List.of(
        "RUNNING      Step a",
        "DONE         Step a (3s): role-x created",
        "RUNNING      Step b"), text.toString().lines().toList());
    assertFalse(text.toString().contains("\u001b"), "no ANSI when not on a terminal");
  }

  @Test
  void liveOutputRedrawsTheTableInPlace() {
    StringWriter text = new StringWriter();
    ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), true);

    r.render(List.of(row("a", "RUNNING", 1, ""), row("b", "PENDING", -1, "")));
    String first = text.toString();
    r.render(List.of(row("a", "DONE", 2, ""), row("b", "RUNNING", 0, "")));
    String second = text.toString().substring(first.length());

    assertFalse(first.contains("\u001b[2A"), "nothing to move over on the first draw");
    assertTrue(first.contains("PENDING"), "the whole plan is shown on a terminal");
    assertTrue(second.startsWith("\u001b[2A"), "cursor goes back up over the 2 rows");
    assertEquals(2, second.split("\u001b\\[2K", -1).length - 1, "each row is cleared and redrawn");
    assertTrue(second.contains("DONE"));
  }

  @Test
  void elapsedFormatting() {
    assertEquals("", ProgressRenderer.elapsed(null));
    assertEquals("0s", ProgressRenderer.elapsed(Duration.ofMillis(400)));
    assertEquals("59s", ProgressRenderer.elapsed(Duration.ofSeconds(59)));
    assertEquals("3m05s", ProgressRenderer.elapsed(Duration.ofSeconds(185)));
    assertEquals("1h02m", ProgressRenderer.elapsed(Duration.ofMinutes(62)));
  }
}
