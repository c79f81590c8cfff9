package io.harnessdeployer.client.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The emulator's control API over HTTP, as any process could read it. */
final class EmulatorControl {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  EmulatorControl(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Every resource as {@code "<service> <type> <name>"}, sorted. */
  List<String> resources() {
    List<String> out = new ArrayList<>();
    get("/_emulator/resources").path("resources")
        .forEach(r -> out.add(r.path("service").asText() + " " + r.path("type").asText() + " " + r.path("name").asText()));
    out.sort(null);
    return out;
  }

  /** The logged requests, oldest first; {@code operation} null for all. */
  List<JsonNode> requests(String operation) {
    List<JsonNode> out = new ArrayList<>();
    get("/_emulator/requests" + (operation == null ? "" : "?operation=" + operation)).path("requests").forEach(out::add);
    return out;
  }

  /**
   * How often each Create* call was made, whatever its answer, keyed by operation and, for IAM
   * roles, the role name.
   */
  Map<String, Integer> createCalls() {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode r : requests(null)) {
      String op = r.path("operation").asText();
      if (op.startsWith("Create")) {
        String role = r.path("parameters").path("RoleName").asText("");
        counts.merge(role.isEmpty() ? op : op + " " + role, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The whole request log as text, for a scan for secret values. */
  String rawRequests() {
    return get("/_emulator/requests").toString();
  }

  /** Injects a fault ({@code POST /_emulator/faults}); returns its id. */
  String fault(String json) {
    try {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(endpoint.resolve("/_emulator/faults"))
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 201) {
        throw new IllegalStateException("POST /_emulator/faults answered " + res.statusCode() + ": " + res.body());
      }
      return JSON.readTree(res.body()).path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException("POST /_emulator/faults failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + res.statusCode() + ": " + res.body());
      }
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
