package io.harnessdeployer.bench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One {@code bin/worker} process of a lane; its output goes to a file of the lane. */
public final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL on the real pid (bin/worker execs java, so this is the JVM): no shutdown hook runs. */
  public void kill9() {
    process.destroyForcibly();
    waitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: the worker lets running activities finish (up to 30 s). */
  public void stop() {
    process.destroy();
    if (!waitExit(Duration.ofSeconds(40))) {
      kill9();
    }
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  boolean waitExit(Duration d) {
    try {
      return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill9();
    }
  }

  @Override
  public String toString() {
    return "worker pid " + pid() + " (" + log + ")";
  }
}
