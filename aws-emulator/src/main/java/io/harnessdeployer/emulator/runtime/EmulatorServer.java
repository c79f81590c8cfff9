package io.harnessdeployer.emulator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.harnessdeployer.emulator.control.ControlApi;
import io.harnessdeployer.emulator.protocol.WireRequest;
import io.harnessdeployer.emulator.protocol.WireResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDK HTTP server on one port: every request goes through the {@link ServiceRouter}. */
final class EmulatorServer {
  /** Looked up on first use, so a clean start does not pay for initialising logging. */
  private static Logger log() {
    return LoggerFactory.getLogger(EmulatorServer.class);
  }

  private final HttpServer server;
  private final ExecutorService executor;

  EmulatorServer(String host, int port, ServiceRouter router, Dispatcher dispatcher, ControlApi control) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "aws-emulator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        WireRequest req = request(exchange);
        WireResponse res = answer(router.route(req), req, dispatcher, control);
        send(exchange, res);
      } catch (RuntimeException | IOException e) {
        log().warn("request failed: {}", e.toString());
      }
    });
  }

  private static WireResponse answer(ServiceRouter.Route route, WireRequest req, Dispatcher dispatcher, ControlApi control) {
    if (route instanceof ServiceRouter.Aws aws) return dispatcher.dispatch(aws, req);
    if (route instanceof ServiceRouter.Control) return control.handle(req);
    if (route instanceof ServiceRouter.Hosted hosted) {
      EndpointHost.Response r = dispatcher.hosted(hosted);
      WireResponse w = WireResponse.of(r.status(), null, r.body() == null ? new byte[0] : r.body());
      w.headers().putAll(r.headers());
      return w;
    }
    String reason = ((ServiceRouter.Unroutable) route).reason();
    return WireResponse.of(404, "application/json",
        "{\"__type\":\"UnknownServiceException\",\"message\":\"" + reason.replace("\"", "'") + "\"}")
        .withHeader("x-amzn-ErrorType", "UnknownServiceException");
  }

  private static WireRequest request(HttpExchange ex) throws IOException {
    return new WireRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
        ex.getRequestHeaders(), ex.getRequestBody().readAllBytes());
  }

  private static void send(HttpExchange ex, WireResponse res) throws IOException {
    res.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (res.stream() != null) {
      ex.sendResponseHeaders(res.status(), 0);
      try (OutputStream out = ex.getResponseBody()) {
        res.stream().writeTo(out);
      }
      return;
    }
    byte[] body = res.body() == null ? new byte[0] : res.body();
    boolean noBody = body.length == 0 || res.status() == 204 || res.status() == 304 || ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(res.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  static {
    // The JDK server sends headers and body as two writes; with Nagle on, a keep-alive client's
    // delayed ACK holds every answer ~40 ms (bench: 170 → 4,000 DescribeClusters/s on one core).
    // Read once per JVM by the JDK, so it must be set before the first HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
  }
}
