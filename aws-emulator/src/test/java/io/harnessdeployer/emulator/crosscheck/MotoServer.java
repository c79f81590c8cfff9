package io.harnessdeployer.emulator.crosscheck;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** {@code moto_server} in a child process on a free port, for differential tests. */
final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Null if {@code moto_server} is on the PATH, otherwise why not. */
  static String unavailable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "moto_server"))) return null;
    }
    return "moto_server is not on the PATH (" + path + ")";
  }

  /** Starts moto with its default account and waits until it answers HTTP. */
  static MotoServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("MOTO_ACCOUNT_ID", Target.ACCOUNT);
    pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"); // the AWS managed policies roles attach
    MotoServer moto = new MotoServer(pb.start(), URI.create("http://127.0.0.1:" + port));
    moto.awaitReady();
    return moto;
  }

  URI endpoint() {
    return endpoint;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException("moto_server exited with " + process.exitValue());
      try {
        http.send(ping, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + STARTUP);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
