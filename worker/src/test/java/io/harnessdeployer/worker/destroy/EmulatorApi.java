package io.harnessdeployer.worker.destroy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The emulator's control API ({@code /_emulator/...}) over plain HTTP, as an outside observer sees it. */
public final class EmulatorApi {
  /** What a delete leaves describable for a while: gone for every practical purpose. */
  static final Set<String> TOMBSTONES = Set.of("INACTIVE", "SCHEDULED_FOR_DELETION", "DELETE_IN_PROGRESS");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  EmulatorApi(URI base) {
    this.base = base;
  }

  /** {@code GET /_emulator/resources}: service, type, name, arn, status, tags of each. */
  List<Map<String, Object>> resources() {
    return list("/_emulator/resources", "resources");
  }

  /** Every resource that is not a {@link #TOMBSTONES tombstone}, with its status. */
  Map<CloudResource, String> live() {
    return statuses(false);
  }

  /** Every tombstone, with its status. */
  Map<CloudResource, String> tombstones() {
    return statuses(true);
  }

  /** The live resources that carry {@code tag=value}. */
  Set<CloudResource> liveTagged(String tag, String value) {
    return resources().stream()
        .filter(r -> !TOMBSTONES.contains(r.get("status")) && value.equals(tags(r).get(tag)))
        .map(EmulatorApi::resource).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** {@code GET /_emulator/requests}: the operations the emulator answered, oldest first. */
  List<Map<String, Object>> requests() {
    return list("/_emulator/requests", "requests");
  }

  /** {@code "<service>.<operation>"} of every request after sequence number {@code afterSeq}. */
  public List<String> operationsAfter(long afterSeq) {
    return requests().stream().filter(r -> ((Number) r.get("seq")).longValue() > afterSeq)
        .map(r -> r.get("service") + "." + r.get("operation")).toList();
  }

  /** The sequence number of the newest request, 0 if none. */
  public long lastSeq() {
    return requests().stream().mapToLong(r -> ((Number) r.get("seq")).longValue()).max().orElse(0);
  }

  /** A fault that fails the next {@code count} calls of {@code service.operation} with {@code errorCode}. */
  void fault(String service, String operation, String errorCode, int count) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("service", service);
    body.put("operation", operation);
    body.put("errorCode", errorCode);
    body.put("message", "injected " + errorCode);
    body.put("count", count);
    send("POST", "/_emulator/faults", body);
  }

  void clearFaults() {
    send("DELETE", "/_emulator/faults", null);
  }

  private Map<CloudResource, String> statuses(boolean tombstones) {
    Map<CloudResource, String> out = new TreeMap<>();
    for (Map<String, Object> r : resources()) {
      if (TOMBSTONES.contains(r.get("status")) == tombstones) {
        out.put(resource(r), (String) r.get("status"));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tags(Map<String, Object> r) {
    Object tags = r.get("tags");
    return tags == null ? Map.of() : (Map<String, String>) tags;
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
