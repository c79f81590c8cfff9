package io.harnessdeployer.client.output;

import java.time.Duration;

/**
 * One line of the progress display, whatever workflow it comes from.
 *
 * @param status short upper-case word, e.g. RUNNING, DONE, PAUSED
 * @param elapsed null when the step has not started
 * @param detail resource id, outcome or error; may be empty
 * @param retry set while the step's call is being retried; null otherwise
 */
public record ProgressRow(String id, String title, String status, Duration elapsed, String detail, Retry retry) {
  public ProgressRow(String id, String title, String status, Duration elapsed, String detail) {
    this(id, title, status, elapsed, detail, null);
  }
}
