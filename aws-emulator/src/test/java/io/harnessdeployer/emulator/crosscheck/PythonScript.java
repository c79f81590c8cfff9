package io.harnessdeployer.emulator.crosscheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs a Python script, echoing its output, and answers its {@code @@advance <seconds>} requests by
 * moving the emulator's clock (the {@code EMULATOR_CLOCK_CONTROL=stdio} protocol of the scripts).
 */
final class PythonScript {
  record Result(int exitCode, List<String> lines) {
    String output() {
      return String.join("\n", lines);
    }
  }

  private PythonScript() {}

  /** Null when {@code python3} runs and imports {@code module}; otherwise why not. */
  static String unavailable(String module) {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import " + module).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "python3 -c 'import " + module + "' did not finish";
      }
      return p.exitValue() == 0 ? null : "python3 cannot import " + module + ": " + out;
    } catch (IOException e) {
      return "python3 is not on PATH: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static Result run(Path script, List<String> args, Map<String, String> env, LongConsumer advanceSeconds, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", "-u", script.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> pump(p, lines, advanceSeconds), "python-output");
    reader.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      reader.join(5_000);
      synchronized (lines) {
        lines.add("(killed after " + timeout + ")");
        return new Result(-1, List.copyOf(lines));
      }
    }
    reader.join(5_000);
    synchronized (lines) {
      return new Result(p.exitValue(), List.copyOf(lines));
    }
  }

  private static void pump(Process p, List<String> lines, LongConsumer advanceSeconds) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer answers = p.outputWriter(StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        System.out.println("[python] " + line);
        synchronized (lines) {
          lines.add(line);
        }
        if (line.startsWith("@@advance ")) {
          advanceSeconds.accept(Long.parseLong(line.substring("@@advance ".length()).trim()));
          answers.write("ok\n");
          answers.flush();
        }
      }
    } catch (IOException e) {
      synchronized (lines) {
        lines.add("(output lost: " + e + ")");
      }
    }
  }
}
