package io.harnessdeployer.client.destroye2e;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.Main;
import io.harnessdeployer.client.e2e.ChildJava;
import io.harnessdeployer.client.e2e.E2e;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.LocalStackFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy → destroy --yes → deploy → destroy --yes --keep-ecs → deploy, each a separate {@code
 * client} process against the local stack (test server, emulator and worker in this JVM), with the
 * emulator's resources checked after every step.
 */
class DestroyCycleProcessTest {
  @TempDir Path dir;

  @Test
  void deployDestroyDeployDestroyKeepEcsDeploy_asProcesses() throws Exception {
    try (LocalStack stack = LocalStack.builder().temporalPort(0).awsPort(0).worker(E2e.sealKey())
        .discovery(new LocalStackFile(dir.resolve("state"))).start()) {
      Map<String, String> env = E2e.env(dir, stack.temporalAddress(), stack.awsEndpoint().toString());
      Cloud cloud = new Cloud(stack.awsEndpoint());

      client(env, "deploy-1", "deploy", "--name", "cycle", "--yes");
      assertEquals(Deployed.all("cycle", 1), cloud.live());

      ChildJava destroy = client(env, "destroy-1", "destroy", "--name", "cycle", "--yes");
      assertTrue(destroy.out().startsWith("Destroyed us-east-1/cycle\n"), destroy.out());
      assertEquals(List.of(), cloud.live(), "nothing of the deployment is left");

      long beforeRedeploy = cloud.lastSeq();
      client(env, "deploy-2", "deploy", "--name", "cycle", "--yes");
      assertEquals(Deployed.all("cycle", 3), cloud.live(), "a new service: revisions 3 and 4");
      List<String> redeploy = cloud.callsAfter(beforeRedeploy);
      assertTrue(redeploy.contains("secretsmanager.RestoreSecret"), redeploy.toString());
      assertFalse(redeploy.contains("secretsmanager.CreateSecret"), redeploy.toString());

      ChildJava keepEcs = client(env, "destroy-2", "destroy", "--name", "cycle", "--yes", "--keep-ecs");
      assertTrue(keepEcs.out().contains("Note: --keep-ecs"), keepEcs.out());
      assertEquals(Deployed.keptByKeepEcs("cycle", 3), cloud.live(), "exactly what --keep-ecs names is left");

      long beforeAdopt = cloud.lastSeq();
      client(env, "deploy-3", "deploy", "--name", "cycle", "--yes");
      assertEquals(Deployed.all("cycle", 3), cloud.live(), "the kept service, adopted: no new revision");
      List<String> adopt = cloud.callsAfter(beforeAdopt);
      for (String create : List.of("ecs.CreateCluster", "logs.CreateLogGroup", "ecs.CreateExpressGatewayService")) {
        assertFalse(adopt.contains(create), create + " after --keep-ecs: " + adopt);
      }
    }
  }

  /** Runs one {@code client} process to its end; it must exit 0. */
  private ChildJava client(Map<String, String> env, String name, String... args) throws InterruptedException {
    long started = System.nanoTime();
    ChildJava child = ChildJava.start(dir, name, env, Main.class.getName(), args);
    assertEquals(ExitCodes.OK, child.waitFor(Duration.ofSeconds(90)), child.toString());
    System.out.printf("destroy e2e: %s took %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    return child;
  }
}
