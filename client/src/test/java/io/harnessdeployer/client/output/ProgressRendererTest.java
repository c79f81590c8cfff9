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

  static ProgressRow retrying(String id, long seconds, int attempt, String error, Long nextInSeconds) {
    Retry retry = new Retry("Ensure" + id, attempt, error, nextInSeconds == null ? null : Duration.ofSeconds(nextInSeconds), 1);
    return new ProgressRow(id, "Step " + id, "RUNNING", Duration.ofSeconds(seconds), "", retry);
  }

  @Test
  void plainOutputFollowsSeveralRunningStepsAndEachNewAttempt() {
    StringWriter text = new StringWriter();
    ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), false);

    r.render(List.of(row("a", "RUNNING", 1, ""), row("b", "RUNNING", 1, ""), row("c", "PENDING", -1, "")));
    r.render(List.of(retrying("a", 9, 2, "InternalFailure: boom", 2L), row("b", "RUNNING", 9, ""), row("c", "PENDING", -1, "")));
    r.render(List.of(retrying("a", 10, 2, "InternalFailure: boom", 1L), row("b", "DONE", 10, "b-1 created"),
        row("c", "RUNNING", 0, ""))); // only a's countdown moved: no line for a
    r.render(List.of(retrying("a", 40, 7, "InternalFailure: boom", 40L), row("b", "DONE", 10, "b-1 created"),
        row("c", "RUNNING", 30, "")));

    assertEquals(List.of(
        "RUNNING      Step a",
        "RUNNING      Step b",
        "RUNNING      Step a (attempt 2, last error: InternalFailure: boom; next try in 2s)",
        "DONE         Step b (10s): b-1 created",
        "RUNNING      Step c",
        "RUNNING      Step a (attempt 7, last error: InternalFailure: boom; next try in 40s)"), text.toString().lines().toList());
  }

  @Test
  void liveOutputShowsEveryRunningStepWithItsTimeAndRetry() {
    StringWriter text = new StringWriter();
    ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), true);

    r.render(List.of(row("a", "DONE", 3, "a-1 created"), retrying("bb", 125, 7, "InternalFailure: boom", 40L),
        row("c", "RUNNING", 65, ""), row("d", "PENDING", -1, "")));
    List<String> lines = text.toString().lines().map(l -> l.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", ""))
        .filter(l -> !l.isEmpty()).toList(); // the last escape (wrapping back on) follows the last newline

    assertEquals(List.of(
        "DONE         Step a       3s  a-1 created",
        "RUNNING      Step bb   2m05s  (attempt 7, last error: InternalFailure: boom; next try in 40s)",
        "RUNNING      Step c    1m05s",
        "PENDING      Step d         "), lines);
    assertTrue(text.toString().startsWith("\u001b[?7l"), "rows are clipped, not wrapped: the cursor-up count stays right");
    assertTrue(text.toString().endsWith("\u001b[?7h"), "wrapping is back on after the table");
  }

  @Test
  void errorsStayOneLineWithoutControlCharacters() {
    StringWriter text = new StringWriter();
    ProgressRenderer r = new ProgressRenderer(new PrintWriter(text), false);
    String long400 = "x".repeat(400);

    r.render(List.of(row("a", "PAUSED", 2, "AccessDenied:\n\u001b[2Jnot\tauthorized\r" + long400),
        retrying("b", 5, 3, "Throttling:\u0007 slow\ndown", null)));

    List<String> lines = text.toString().lines().toList();
    assertEquals(2, lines.size(), text.toString());
    assertFalse(text.toString().chars().anyMatch(c -> c != '\n' && Character.isISOControl(c)), text.toString());
    assertTrue(lines.get(0).startsWith("PAUSED       Step a (2s): AccessDenied: [2Jnot authorized xxx"), lines.get(0));
    assertTrue(lines.get(0).endsWith("x…") && lines.get(0).length() < 340, lines.get(0));
    assertEquals("RUNNING      Step b (attempt 3, last error: Throttling: slow down)", lines.get(1),
        "while an attempt runs there is no next try to announce");
  }

  @Test
  void callsOfOneKindSharedByRunningStepsAreNotPinnedOnOne() {
    Retry shared = new Retry("DeleteRole", 4, "Throttling: rate exceeded", Duration.ofSeconds(8), 3);
    assertEquals("one of 3 DeleteRole calls: attempt 4, last error: Throttling: rate exceeded; next try in 8s", shared.text());
  }
}
