package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM child on the test JVM's classpath with exactly the environment given (nothing inherited but
 * PATH and the locale). Output goes to files: a full pipe would stall the child.
 */
public final class ChildJava implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJava(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  public static ChildJava start(Path dir, String name, Map<String, String> env, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Dfile.encoding=UTF-8",
        "-Duser.home=" + dir.resolve("home"),
        "-cp", System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    for (String inherited : List.of("PATH", "LANG", "LC_ALL")) {
      String v = System.getenv(inherited);
      if (v != null) {
        pb.environment().put(inherited, v);
      }
    }
    pb.environment().put("HOME", dir.resolve("home").toString());
    pb.environment().putAll(env);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      Files.createDirectories(dir.resolve("home"));
      return new ChildJava(name, pb.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** Waits for the exit code; fails the test (and kills the child) after {@code timeout}. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      fail(name + " did not finish within " + timeout + "\n" + this);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, as {@code kill -9}. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: shutdown hooks run. */
  public void terminate() {
    process.destroy();
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String out() {
    return read(out);
  }

  public String err() {
    return read(err);
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")\n--- stdout\n" + out() + "--- stderr\n" + err();
  }
}
