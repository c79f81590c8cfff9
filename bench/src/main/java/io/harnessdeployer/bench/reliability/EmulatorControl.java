package io.harnessdeployer.bench.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The emulator's control API ({@code /_emulator/*}) over HTTP, as any process reads it. */
public final class EmulatorControl {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;

  public EmulatorControl(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** {@code POST /_emulator/faults} with this body (see Faults.java); returns the fault's id. */
  public String addFault(Map<String, Object> fault) {
    return String.valueOf(send("POST", "/_emulator/faults", fault, 201).get("id"));
  }

  public void removeFault(String id) {
    send("DELETE", "/_emulator/faults/" + id, null, -1);
  }

  public void clearFaults() {
    send("DELETE", "/_emulator/faults", null, 200);
  }

  /** The faults still armed (a counted one goes once its last call has matched). */
  public List<Map<String, Object>> faults() {
    return list(send("GET", "/_emulator/faults", null, 200).get("faults"));
  }

  /** The request log, oldest first. */
  public List<Map<String, Object>> requests() {
    return list(send("GET", "/_emulator/requests", null, 200).get("requests"));
  }

  /** Live resources: service, type, name, arn, status, tags. */
  public List<Map<String, Object>> resources() {
    return list(send("GET", "/_emulator/resources", null, 200).get("resources"));
  }

  /** Forgets every resource, request and fault. */
  public void reset() {
    send("POST", "/_emulator/reset", Map.of(), 200);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private Map<String, Object> send(String method, String path, Object body, int expected) {
    try {
      HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
          .method(method, pub).build(), HttpResponse.BodyHandlers.ofString());
      if (expected > 0 && res.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
      }
      return res.body().isBlank() ? Map.of() : JSON.readValue(res.body(), MAP);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
