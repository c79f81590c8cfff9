package io.harnessdeployer.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /metrics} (Prometheus text format: the Temporal SDK's metrics and {@link StepMetrics})
 * and {@code GET /healthz} (200 while the worker polls, 503 otherwise) on the JDK's HTTP server.
 */
public final class MetricsServer implements AutoCloseable {
  public static final int DEFAULT_PORT = 9464;
  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on all interfaces at {@code port} (0: a free one). */
  public static MetricsServer start(int port, PrometheusMeterRegistry registry, BooleanSupplier healthy)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/metrics", ex -> answer(ex, 200, registry.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
    server.createContext("/healthz", ex -> {
      boolean up = healthy.getAsBoolean();
      answer(ex, up ? 200 : 503, up ? "ok\n" : "not polling\n", "text/plain; charset=utf-8");
    });
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "metrics-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return new MetricsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange ex, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean exact = ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath());
    if (!exact || !"GET".equals(ex.getRequestMethod())) {
      status = exact ? 405 : 404;
      bytes = new byte[0];
    }
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
