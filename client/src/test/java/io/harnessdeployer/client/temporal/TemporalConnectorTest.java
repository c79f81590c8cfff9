package io.harnessdeployer.client.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalConnectorTest {
  @TempDir Path dir;

  @Test
  void unreachableServerIsOneActionableLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    String address = "127.0.0.1:" + port;
    CliRun run = CliRun.run(CliRun.context(dir, Map.of("TEMPORAL_ADDRESS", address), Prompter.NONE, TemporalConnector.grpc()),
        "status", "--name", "any");

    assertEquals(ExitCodes.FAILED, run.exitCode(), run.toString());
    assertEquals("error: cannot reach Temporal at " + address + ": start the local stack with 'client dev', or point"
        + " --temporal-address / TEMPORAL_ADDRESS at your server", run.err().strip());
  }
}
