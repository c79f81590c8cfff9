package io.harnessdeployer.bench.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/client} process started by {@link Lane#startClient}, with its output files, so a case
 * can wait for a line, signal it and read what it printed.
 */
public record AsyncClient(Process process, Path out, Path err) {
  public String stdout() {
    return Lane.read(out);
  }

  public String stderr() {
    return Lane.read(err);
  }

  /** Until stdout or stderr holds {@code text}; false at the deadline or once it exited without it. */
  public boolean awaitOutput(String text, Duration timeout) {
    return Poll.until(timeout, () -> {
      if (stdout().contains(text) || stderr().contains(text)) return true;
      if (!process.isAlive() && !(stdout().contains(text) || stderr().contains(text))) throw new Poll.Stop();
      return false;
    });
  }

  /** The exit code; -1 (and the process killed) when it is still running at the deadline. */
  public int await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill9();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code kill -9}: bin/client execs java, so the pid is the client's JVM; no shutdown hook runs. */
  public void kill9() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ctrl-C: SIGINT to the JVM (Process has no way to send it but {@code kill -INT}). */
  public void sigint() {
    try {
      int rc = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
      if (rc != 0) throw new IllegalStateException("kill -INT " + process.pid() + " exited " + rc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -INT", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Both streams, for a failure's detail. */
  public String output() {
    return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
  }
}
