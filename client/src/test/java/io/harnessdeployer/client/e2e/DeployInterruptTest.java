package io.harnessdeployer.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 part 7: Ctrl-C (a real SIGINT to a client process) during {@code deploy}'s live view ends
 * the watching with one line and exit 130; the workflow is not cancelled and finishes in the worker.
 * The service's activation takes 8 s on this stack, so the signal lands while the deploy runs.
 */
class DeployInterruptTest {
  @TempDir static Path dir;
  static LocalStack stack;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    stack = LocalStack.builder().temporalPort(0).awsPort(0).latency("instant,ecs.activate=8s").worker(E2e.sealKey())
        .discovery(new LocalStackFile(dir.resolve("state"))).start();
    env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static CliRun status() {
    return CliRun.run(CliRun.live(dir, env), "status", "--name", "ctrlc");
  }

  @Test
  void ctrlC_printsOneLineSayingTheDeployGoesOn_exits130_andTheWorkflowFinishes() throws Exception {
    String line = "[INFO] interrupted: the deploy of us-east-1/ctrlc goes on in the worker;"
        + " 'client status --name ctrlc --region us-east-1' shows it,"
        + " 'client deploy --name ctrlc --region us-east-1' with the same settings follows it again";
    try (ChildJava deploy = ChildJava.start(dir, "deploy", env, Main.class.getName(), "deploy", "--name", "ctrlc", "--yes")) {
      assertTrue(E2e.await(Duration.ofSeconds(60), () -> deploy.err().contains("RUNNING      Service ACTIVE")),
          deploy.toString());
      long signalled = System.nanoTime();
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(deploy.pid())).start().waitFor());
      int code = deploy.waitFor(Duration.ofSeconds(10));
      System.out.printf("deploy: exited %d ms after SIGINT%n", (System.nanoTime() - signalled) / 1_000_000);
      assertEquals(ExitCodes.INTERRUPTED, code, deploy.toString());
      List<String> lines = deploy.err().lines().toList();
      assertEquals(1, lines.stream().filter(l -> l.contains("interrupted")).count(), deploy.toString());
      assertEquals(line, lines.get(lines.size() - 1), "the last line: " + deploy);
      assertEquals("", deploy.out(), "no summary: the deploy did not end here");
    }
    CliRun running = status();
    assertTrue(running.out().startsWith("us-east-1/ctrlc: RUNNING (DeployWorkflow running"), running.toString());
    assertTrue(E2e.await(Duration.ofSeconds(60), () -> status().out().startsWith("us-east-1/ctrlc: SUCCEEDED")),
        "not cancelled: it finishes in the worker\n" + status());
    assertEquals(ExitCodes.OK, status().exitCode());
  }
}
