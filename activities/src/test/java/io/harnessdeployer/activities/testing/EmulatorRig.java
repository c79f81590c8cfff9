package io.harnessdeployer.activities.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.Sealed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real emulator in-process on port 0, with a clock the tests move, SDK clients pointed at it, a
 * seal key, and the control API ({@code /_emulator/...}) as plain HTTP.
 */
public final class EmulatorRig implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String CLIENT_ID = "zs-client-id-1234";
  public static final String CLIENT_SECRET = "zs-very-secret-5f2a9c";

  private static final ObjectMapper JSON = new ObjectMapper();

  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  public final Emulator emulator;
  public final AwsClients aws;
  public final SealKey key = SealKey.of(new byte[32], "test");
  public final Credentials credentials = new Credentials(key);
  /** Polls advance the shared clock instead of sleeping: deterministic and fast. */
  public final Polling polling = new Polling(clock, clock::advance, null);
  /** As {@link #polling}, at the original tool's fixed WaitSpec interval. */
  public final Polling seedPolling = new Polling(clock, clock::advance, null, Polling.Pacing.FIXED);
  private final HttpClient http = HttpClient.newHttpClient();

  public EmulatorRig() {
    this(LatencyProfile.instant());
  }

  public EmulatorRig(LatencyProfile latency, EndpointHost... hosts) {
    Emulator.Builder b = Emulator.builder()
        .port(0)
        .settings(EmulatorSettings.defaults().withLatency(latency).withClock(clock));
    for (EndpointHost h : hosts) {
      b.endpointHost(h);
    }
    emulator = b.build().start();
    aws = new AwsClients(AwsSettings.endpoint(emulator.endpoint(), REGION,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
  }

  public static Scope scope(String runId) {
    return new Scope(new DeploymentKey(REGION, "it"), runId);
  }

  public Sealed sealedCredentials() {
    return new ZscalerCredentials(CLIENT_ID, CLIENT_SECRET, "cust-1", "acme", null).seal(key);
  }

  /** {@code GET /_emulator/resources?service=}: each resource as service, type, name, arn, status, tags. */
  public List<Map<String, Object>> resources(String service) {
    return list("/_emulator/resources?service=" + service, "resources");
  }

  /** {@code GET /_emulator/requests?service=&operation=}: the calls the emulator answered. */
  public List<Map<String, Object>> requests(String service, String operation) {
    return list("/_emulator/requests?service=" + service + "&operation=" + operation, "requests");
  }

  /** {@code POST /_emulator/faults}: the next {@code count} calls of the operation fail. */
  public void fault(String service, String operation, String errorCode, int httpStatus, int count) {
    send("POST", "/_emulator/faults", Map.of("service", service, "operation", operation,
        "errorCode", errorCode, "httpStatus", httpStatus, "message", "injected " + errorCode, "count", count));
  }

  /** {@code POST /_emulator/reset}: no resources, no request log, no faults. */
  public void reset() {
    send("POST", "/_emulator/reset", null);
  }

  /** {@code "<service>.<operation>"} → how many calls the emulator answered, in name order. */
  public java.util.SortedMap<String, Integer> callCounts() {
    java.util.SortedMap<String, Integer> counts = new java.util.TreeMap<>();
    list("/_emulator/requests", "requests")
        .forEach(r -> counts.merge(r.get("service") + "." + r.get("operation"), 1, Integer::sum));
    return counts;
  }

  /** The sequence number of the newest call in the request log; 0 when it is empty. */
  public long lastSeq() {
    return list("/_emulator/requests", "requests").stream()
        .mapToLong(r -> ((Number) r.get("seq")).longValue()).max().orElse(0);
  }

  /**
   * The calls after {@code seq} that may change something ({@code "<service>.<operation>"}):
   * anything but Get, Describe, List and BatchGet, whatever their outcome.
   */
  public List<String> writesSince(long seq) {
    return list("/_emulator/requests", "requests").stream()
        .filter(r -> ((Number) r.get("seq")).longValue() > seq)
        .map(r -> r.get("service") + "." + r.get("operation"))
        .filter(call -> !call.matches(".*\\.(Get|Describe|List|BatchGet)\\w*"))
        .toList();
  }

  /** How many {@code operation} calls the emulator answered (whatever their outcome). */
  public int count(String service, String operation) {
    return requests(service, operation).size();
  }

  private List<Map<String, Object>> list(String path, String field) {
    Map<String, Object> body = send("GET", path, null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> out = (List<Map<String, Object>>) body.get(field);
    return out;
  }

  private Map<String, Object> send(String method, String path, Object body) {
    try {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
          .timeout(Duration.ofSeconds(10));
      r = body == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
          : r.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .header("Content-Type", "application/json");
      HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return JSON.readValue(response.body(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    aws.close();
    emulator.close();
  }
}
