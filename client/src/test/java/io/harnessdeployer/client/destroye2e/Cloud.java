package io.harnessdeployer.client.destroye2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The emulator's control API over HTTP, as any process could read it. */
final class Cloud {
  /** What a delete leaves describable for a while: gone for every practical purpose. */
  static final Set<String> TOMBSTONES = Set.of("INACTIVE", "SCHEDULED_FOR_DELETION", "DELETE_IN_PROGRESS");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;

  Cloud(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** Every live resource (no tombstone) as {@code "<service> <type> <name>"}, sorted. */
  List<String> live() {
    List<String> out = new ArrayList<>();
    for (JsonNode r : get("/_emulator/resources").path("resources")) {
      if (!TOMBSTONES.contains(r.path("status").asText())) {
        out.add(r.path("service").asText() + " " + r.path("type").asText() + " " + r.path("name").asText());
      }
    }
    out.sort(null);
    return out;
  }

  /** Every live resource whose tags name this deployment ({@code harness-deployer:deployment}), as {@link #live}. */
  List<String> liveTagged(String deploymentTag) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : get("/_emulator/resources").path("resources")) {
      if (!TOMBSTONES.contains(r.path("status").asText())
          && deploymentTag.equals(r.path("tags").path(io.harnessdeployer.workflows.common.Names.TAG_DEPLOYMENT).asText())) {
        out.add(r.path("service").asText() + " " + r.path("type").asText() + " " + r.path("name").asText());
      }
    }
    out.sort(null);
    return out;
  }

  /** {@code "<service>.<operation>"} of every logged request after sequence number {@code afterSeq}. */
  List<String> callsAfter(long afterSeq) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : get("/_emulator/requests").path("requests")) {
      if (r.path("seq").asLong() > afterSeq) {
        out.add(r.path("service").asText() + "." + r.path("operation").asText());
      }
    }
    return out;
  }

  /** Sequence number of the newest logged request, 0 if none. */
  long lastSeq() {
    long last = 0;
    for (JsonNode r : get("/_emulator/requests").path("requests")) {
      last = Math.max(last, r.path("seq").asLong());
    }
    return last;
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
