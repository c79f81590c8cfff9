package io.harnessdeployer.client.output;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows step progress on stderr. On a terminal it redraws one table in place (ANSI cursor-up and
 * line-clear), every running step with its time so far; otherwise it prints one line per change of
 * a step's status, detail or retried call, which suits logs and CI. Several steps may run at once.
 */
public final class ProgressRenderer {
  private static final String ESC = "\u001b[";
  /** Longest detail shown: an AWS error can be a page long. */
  public static final int MAX_DETAIL = 300;

  private final PrintWriter err;
  private final boolean live;
  private final Map<String, String> lastSeen = new HashMap<>();
  private int linesDrawn;
  private boolean stopped;

  public ProgressRenderer(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
  }

  public synchronized void render(List<ProgressRow> rows) {
    if (stopped) {
      return;
    }
    if (live) {
      redraw(rows);
    } else {
      printChanges(rows);
    }
    err.flush();
  }

  /** Draws nothing more, then {@code line} below the table (after a render in progress, never inside it). */
  public synchronized void stop(String line) {
    stopped = true;
    err.println(line);
    err.flush();
  }

  private void redraw(List<ProgressRow> rows) {
    if (linesDrawn > 0) {
      err.print(ESC + linesDrawn + "A");
    }
    err.print(ESC + "?7l"); // no auto-wrap: a wrapped row would break the cursor-up count
    int width = rows.stream().mapToInt(r -> r.title().length()).max().orElse(0);
    for (ProgressRow row : rows) {
      err.print(ESC + "2K");
      err.print(colour(row.status()) + String.format("%-12s", row.status()) + ESC + "0m ");
      err.print(String.format("%-" + width + "s %7s", row.title(), elapsed(row.elapsed())));
      String detail = detail(row);
      err.print(detail.isEmpty() ? "" : "  " + detail);
      err.print(row.retry() == null ? "" : "  (" + row.retry().text() + ")");
      err.print('\n');
    }
    for (int i = rows.size(); i < linesDrawn; i++) {
      err.print(ESC + "2K\n"); // the table shrank: blank the leftovers
    }
    err.print(ESC + "?7h");
    linesDrawn = Math.max(rows.size(), linesDrawn);
  }

  private void printChanges(List<ProgressRow> rows) {
    for (ProgressRow row : rows) {
      String key = row.status() + "|" + row.detail() + "|" + (row.retry() == null ? "" : row.retry().key());
      if (key.equals(lastSeen.put(row.id(), key)) || "PENDING".equals(row.status())) {
        continue; // unchanged, or part of the plan not started yet: noise in a log
      }
      err.println(line(row));
    }
  }

  /** Every row, one plain line each: a snapshot such as {@code status} prints. */
  public static void table(PrintWriter out, List<ProgressRow> rows) {
    rows.forEach(row -> out.println(line(row)));
  }

  private static String line(ProgressRow row) {
    StringBuilder line = new StringBuilder(String.format("%-12s %s", row.status(), row.title()));
    if (row.elapsed() != null && !"RUNNING".equals(row.status())) {
      line.append(" (").append(elapsed(row.elapsed())).append(')');
    }
    String detail = detail(row);
    if (!detail.isEmpty()) {
      line.append(": ").append(detail);
    }
    if (row.retry() != null) {
      line.append(" (").append(row.retry().text()).append(')');
    }
    return line.toString();
  }

  private static String detail(ProgressRow row) {
    return row.detail() == null ? "" : OneLine.of(row.detail(), MAX_DETAIL);
  }

  private static String colour(String status) {
    return switch (status) {
      case "DONE", "SUCCEEDED", "DELETED" -> ESC + "32m";
      case "RUNNING", "COMPENSATING" -> ESC + "36m";
      case "FAILED", "COMPENSATION_FAILED" -> ESC + "31m";
      case "PAUSED" -> ESC + "33m";
      default -> ESC + "2m";
    };
  }

  /** 12s, 3m05s, 1h02m; empty when not started. */
  public static String elapsed(Duration d) {
    if (d == null) {
      return "";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
