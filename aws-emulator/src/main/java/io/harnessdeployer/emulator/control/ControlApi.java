package io.harnessdeployer.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.protocol.WireRequest;
import io.harnessdeployer.emulator.protocol.WireResponse;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /_emulator/*}: health, resources, the request log, fault injection and reset, all JSON.
 * See the module README for the full contract.
 */
public final class ControlApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Collection<ServiceHandler>> handlers;
  private final RequestLog requests;
  private final Faults faults;

  public ControlApi(Supplier<Collection<ServiceHandler>> handlers, RequestLog requests, Faults faults) {
    this.handlers = handlers;
    this.requests = requests;
    this.faults = faults;
  }

  public WireResponse handle(WireRequest req) {
    String path = req.path().replaceFirst("^/_emulator/?", "").replaceAll("/+$", "");
    Map<String, List<String>> query = req.query();
    try {
      return switch (req.method() + " " + (path.startsWith("faults/") ? "faults/{id}" : path)) {
        case "GET health" -> json(200, Map.of("status", "ok", "services", handlers.get().stream().map(ServiceHandler::service).toList()));
        case "GET resources" -> json(200, Map.of("resources", resources(first(query, "service"))));
        case "GET requests" -> json(200, Map.of("requests", requests(first(query, "service"), first(query, "operation"))));
        case "GET faults" -> json(200, Map.of("faults", faults.list()));
        case "POST faults" -> addFault(req);
        case "DELETE faults" -> {
          faults.clear();
          yield json(200, Map.of("deleted", "all"));
        }
        case "DELETE faults/{id}" -> {
          String id = path.substring("faults/".length());
          yield faults.remove(id) ? json(200, Map.of("deleted", id)) : json(404, Map.of("message", "no fault " + id));
        }
        case "POST reset" -> {
          handlers.get().forEach(ServiceHandler::reset);
          requests.clear();
          faults.clear();
          yield json(200, Map.of("reset", true));
        }
        default -> json(404, Map.of("message", "no control endpoint " + req.method() + " /_emulator/" + path));
      };
    } catch (IllegalArgumentException | IOException e) {
      return json(400, Map.of("message", String.valueOf(e.getMessage())));
    }
  }

  private List<ResourceView> resources(String service) {
    List<ResourceView> out = new ArrayList<>();
    for (ServiceHandler h : handlers.get()) {
      if (service == null || service.equals(h.service())) {
        h.resources().stream().filter(r -> service == null || service.equals(r.service())).forEach(out::add);
      }
    }
    return out;
  }

  private List<Map<String, Object>> requests(String service, String operation) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RequestLog.Entry e : requests.find(service, operation)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("time", e.time().toString());
      m.put("service", e.service());
      m.put("operation", e.operation());
      m.put("region", e.region());
      m.put("parameters", e.parameters());
      m.put("status", e.status());
      m.put("errorCode", e.errorCode());
      m.put("caller", e.caller());
      out.add(m);
    }
    return out;
  }

  private WireResponse addFault(WireRequest req) throws IOException {
    JsonNode b = JSON.readTree(req.body().length == 0 ? "{}" : req.bodyText());
    if (!b.hasNonNull("service")) throw new IllegalArgumentException("a fault needs \"service\"");
    Faults.Fault f = faults.add(new Faults.Fault(null,
        b.get("service").asText(),
        b.hasNonNull("operation") ? b.get("operation").asText() : "*",
        b.hasNonNull("errorCode") ? b.get("errorCode").asText() : null,
        b.hasNonNull("httpStatus") ? b.get("httpStatus").asInt() : null,
        b.hasNonNull("message") ? b.get("message").asText() : null,
        b.hasNonNull("count") ? b.get("count").asInt() : null,
        b.hasNonNull("probability") ? b.get("probability").asDouble() : null,
        b.hasNonNull("latencyMs") ? b.get("latencyMs").asLong() : null,
        b.hasNonNull("resource") ? b.get("resource").asText() : null,
        b.path("inStream").asBoolean(false),
        b.hasNonNull("afterEvents") ? b.get("afterEvents").asInt() : null,
        b.hasNonNull("holdAfterMs") ? b.get("holdAfterMs").asLong() : null));
    return json(201, Map.of("id", f.id()));
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> v = query.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static WireResponse json(int status, Object body) {
    try {
      return WireResponse.of(status, "application/json", JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
