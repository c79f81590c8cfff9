package io.harnessdeployer.emulator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Raw;
import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hosted endpoints answer by Host header and by the {@code /_emulator/endpoints/<host>/...} path form. */
class HostedEndpointTest {
  static final String HOST = "mcp-abc.ecs.us-east-1.on.aws";
  static Emulator emulator;
  static Raw raw;

  @BeforeAll
  static void start() {
    EndpointHost mcp = new EndpointHost() {
      @Override
      public boolean owns(String host) {
        return host.endsWith(".ecs.us-east-1.on.aws");
      }

      @Override
      public Response answer(Request r) {
        return r.path().equals("/health")
            ? Response.json(200, "{\"status\":\"healthy\",\"host\":\"" + r.host() + "\"}")
            : Response.json(404, "{\"message\":\"no " + r.path() + "\"}");
      }
    };
    emulator = Emulator.builder().endpointHost(mcp).build().start();
    raw = new Raw(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void pathForm_reachesTheHost() {
    HttpResponse<String> r = raw.send("GET", "/_emulator/endpoints/" + HOST + "/health", null);
    assertEquals(200, r.statusCode());
    assertEquals(Map.of("status", "healthy", "host", HOST), Raw.parse(r));
    assertEquals(404, raw.send("GET", "/_emulator/endpoints/" + HOST + "/other", null).statusCode());
    assertEquals(404, raw.send("GET", "/_emulator/endpoints/unknown.example.com/health", null).statusCode());
  }

  @Test
  void hostHeader_reachesTheHost() throws Exception {
    // java.net.http forbids setting Host, so speak HTTP/1.1 by hand.
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /health HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      assertTrue(response.contains("\"status\":\"healthy\""), response);
    }
  }

  @Test
  void awsJsonCalls_underAnOwnedHost_reachTheApi() throws Exception {
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      String body = "{\"MaxResults\":10}";
      s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: cognito-idp.us-east-1.amazonaws.com\r\n"
          + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200") && response.contains("\"UserPools\":[]"), response);
    }
  }

  @Test
  void faults_applyToHostedEndpointsAsServiceMcp() {
    HttpResponse<String> f = raw.send("POST", "/_emulator/faults",
        "{\"service\":\"mcp\",\"operation\":\"/health\",\"errorCode\":\"ServiceUnavailable\",\"httpStatus\":503,\"count\":1}");
    assertEquals(201, f.statusCode());
    assertEquals(503, raw.send("GET", "/_emulator/endpoints/" + HOST + "/health", null).statusCode());
    assertEquals(200, raw.send("GET", "/_emulator/endpoints/" + HOST + "/health", null).statusCode());
    List<?> log = (List<?>) Raw.parse(raw.send("GET", "/_emulator/requests?service=mcp", null)).get("requests");
    assertTrue(log.size() >= 2);
  }
}
