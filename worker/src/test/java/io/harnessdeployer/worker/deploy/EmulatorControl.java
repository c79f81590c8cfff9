package io.harnessdeployer.worker.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The emulator's control API ({@code /_emulator/...}) over plain HTTP, as any outside test would use it. */
final class EmulatorControl {
  /** Statuses of what a delete leaves behind (describable, but gone for every practical purpose). */
  static final Set<String> TOMBSTONES = Set.of("INACTIVE", "SCHEDULED_FOR_DELETION", "DELETE_IN_PROGRESS");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  EmulatorControl(URI base) {
    this.base = base;
  }

  /** Every resource with its status and tags. */
  List<Map<String, Object>> resources() {
    return list("/_emulator/resources", "resources");
  }

  /** The live resources: everything but {@link #TOMBSTONES}. */
  Set<CloudResource> live() {
    return resources().stream().filter(r -> !TOMBSTONES.contains(r.get("status")))
        .map(EmulatorControl::resource).collect(Collectors.toSet());
  }

  /** Resource → status, for what deletes left behind and for failure messages. */
  Map<CloudResource, String> statuses() {
    Map<CloudResource, String> out = new TreeMap<>(Comparator.comparing(CloudResource::toString));
    resources().forEach(r -> out.put(resource(r), (String) r.get("status")));
    return out;
  }

  /** ARN of one live resource. */
  String arn(CloudResource resource) {
    return (String) live(resource).get("arn");
  }

  /** Tags of one live resource. */
  @SuppressWarnings("unchecked")
  Map<String, String> tags(CloudResource resource) {
    return (Map<String, String>) live(resource).get("tags");
  }

  private Map<String, Object> live(CloudResource resource) {
    return resources().stream().filter(r -> resource.equals(resource(r)))
        .filter(r -> !TOMBSTONES.contains(r.get("status"))).findFirst()
        .orElseThrow(() -> new AssertionError("no live " + resource + " in " + statuses()));
  }

  /** The request log, oldest first; {@code service} and {@code operation} may be null. */
  List<Map<String, Object>> requests(String service, String operation) {
    StringBuilder q = new StringBuilder("/_emulator/requests?");
    if (service != null) q.append("service=").append(service).append('&');
    if (operation != null) q.append("operation=").append(operation);
    return list(q.toString(), "requests");
  }

  /** The raw request-log JSON, as an operator would read it. */
  String requestLogJson() {
    return send("GET", "/_emulator/requests", null);
  }

  /** {@code "<service>.<operation>"} → how often the emulator answered it. */
  Map<String, Integer> callCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    requests(null, null).forEach(r -> counts.merge(r.get("service") + "." + r.get("operation"), 1, Integer::sum));
    return counts;
  }

  /**
   * {@code "<service>.<Create operation> <resource name>"} → how often it was called: every
   * Create* call the emulator answered, keyed by the resource it names.
   */
  Map<String, Integer> createCalls() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Map<String, Object> r : requests(null, null)) {
      String op = (String) r.get("operation");
      if (op.startsWith("Create")) {
        counts.merge(r.get("service") + "." + op + " " + nameIn(r.get("parameters")), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The status of {@code GET <path>} on a hosted endpoint, e.g. an Express service's /health. */
  int getHosted(String host, String path) {
    try {
      HttpRequest r = HttpRequest.newBuilder(base.resolve("/_emulator/endpoints/" + host + path))
          .timeout(Duration.ofSeconds(10)).GET().build();
      return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Adds a fault (see the emulator README); {@code count} null fires until {@link #clearFaults()}. */
  void fault(String service, String operation, String errorCode, int httpStatus, Integer count) {
    fault(service, operation, null, errorCode, httpStatus, count);
  }

  /** As above, only for calls whose input names {@code resource} (a role name, say). */
  void fault(String service, String operation, String resource, String errorCode, int httpStatus, Integer count) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (resource != null) body.put("resource", resource);
    body.put("service", service);
    body.put("operation", operation);
    body.put("errorCode", errorCode);
    body.put("httpStatus", httpStatus);
    body.put("message", "injected " + errorCode);
    if (count != null) body.put("count", count);
    send("POST", "/_emulator/faults", body);
  }

  void clearFaults() {
    send("DELETE", "/_emulator/faults", null);
  }

  /** No resources, no request log, no faults. */
  void reset() {
    send("POST", "/_emulator/reset", null);
  }

  @SuppressWarnings("unchecked")
  private static Object nameIn(Object parameters) {
    Map<String, Object> p = (Map<String, Object>) parameters;
    for (String key : List.of("Name", "RoleName", "clusterName", "logGroupName", "serviceName", "harnessName", "name")) {
      if (p.containsKey(key)) {
        return p.get(key);
      }
    }
    return p.keySet();
  }

  private static CloudResource resource(Map<String, Object> r) {
    return new CloudResource((String) r.get("service"), (String) r.get("type"), (String) r.get("name"));
  }

  private List<Map<String, Object>> list(String path, String field) {
    try {
      Map<String, List<Map<String, Object>>> body = JSON.readValue(send("GET", path, null), new TypeReference<>() {});
      return body.get(field);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String send(String method, String path, Object body) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
      r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
          : r.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .header("Content-Type", "application/json");
      HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
