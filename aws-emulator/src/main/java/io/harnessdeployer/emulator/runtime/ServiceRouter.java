package io.harnessdeployer.emulator.runtime;

import io.harnessdeployer.emulator.auth.SigV4Authorization;
import io.harnessdeployer.emulator.model.ServiceCatalog;
import io.harnessdeployer.emulator.model.ServiceModel;
import io.harnessdeployer.emulator.protocol.ProtocolCodec;
import io.harnessdeployer.emulator.protocol.WireRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides who answers a request, cheapest indicators first: the control API and hosted endpoints,
 * then {@code X-Amz-Target}, then the SigV4 credential scope's service (REST path to split services
 * that share a signing name), then, for unsigned requests, REST paths and the form {@code Action}.
 */
public final class ServiceRouter {
  public static final String CONTROL_PREFIX = "/_emulator/";
  public static final String ENDPOINTS_PREFIX = CONTROL_PREFIX + "endpoints/";

  /** Paths of the AgentCore data plane, which signs as {@code bedrock-agentcore} like the control plane. */
  private static final Map<Pattern, String> PATH_RULES =
      Map.of(
          Pattern.compile("/harnesses/invoke/?"), "bedrock-agentcore",
          Pattern.compile("/runtimes/[^/]+/invocations/?"), "bedrock-agentcore");

  public sealed interface Route permits Aws, Hosted, Control, Unroutable {}

  public record Aws(ServiceModel model, ProtocolCodec codec, String region) implements Route {}

  public record Hosted(EndpointHost host, EndpointHost.Request request) implements Route {}

  public record Control() implements Route {}

  public record Unroutable(String reason) implements Route {}

  private final ServiceCatalog catalog;
  private final Supplier<List<EndpointHost>> hosts;
  private final String defaultRegion;
  private final Map<String, ProtocolCodec> codecs = new ConcurrentHashMap<>();

  public ServiceRouter(ServiceCatalog catalog, Supplier<List<EndpointHost>> hosts, String defaultRegion) {
    this.catalog = catalog;
    this.hosts = hosts;
    this.defaultRegion = defaultRegion;
  }

  public ProtocolCodec codec(ServiceModel model) {
    return codecs.computeIfAbsent(model.protocol(), ProtocolCodec::forProtocol);
  }

  public Route route(WireRequest req) {
    if (req.path().startsWith(ENDPOINTS_PREFIX)) return hostedByPath(req);
    if (req.path().startsWith(CONTROL_PREFIX) || req.path().equals("/_emulator")) return new Control();
    String host = hostName(req.header("Host"));
    // An awsJson API call is never a hosted endpoint's, even under a Host one owns (Cognito's issuer
    // host is also its API host).
    for (EndpointHost h : req.header("X-Amz-Target") == null ? hosts.get() : List.<EndpointHost>of()) {
      if (host != null && h.owns(host)) return new Hosted(h, hostedRequest(req, host, req.path()));
    }
    Optional<SigV4Authorization> auth = SigV4Authorization.parse(req.header("Authorization"));
    String region = auth.map(SigV4Authorization::region).orElse(defaultRegion);
    String target = req.header("X-Amz-Target");
    if (target != null) {
      String prefix = target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : target;
      return catalog.byTargetPrefix(prefix)
          .<Route>map(m -> new Aws(m, codec(m), region))
          .orElse(new Unroutable("no service has X-Amz-Target prefix " + prefix));
    }
    if (auth.isPresent()) {
      List<ServiceModel> candidates = catalog.bySigningName(auth.get().service());
      if (candidates.isEmpty()) return new Unroutable("no service signs as " + auth.get().service());
      ServiceModel model = choose(candidates, req);
      return new Aws(model, codec(model), region);
    }
    return unsigned(req, region);
  }

  private ServiceModel choose(List<ServiceModel> candidates, WireRequest req) {
    if (candidates.size() == 1) return candidates.get(0);
    for (var rule : PATH_RULES.entrySet()) {
      if (rule.getKey().matcher(req.path()).matches()) {
        for (ServiceModel m : candidates) if (m.id().equals(rule.getValue())) return m;
      }
    }
    return candidates.stream()
        .filter(m -> codec(m).operation(req, m).isPresent())
        .findFirst()
        .orElseGet(() -> candidates.stream().filter(m -> !PATH_RULES.containsValue(m.id())).findFirst().orElse(candidates.get(0)));
  }

  /** Unsigned requests (raw HTTP tests, curl): REST paths first, then a form Action. */
  private Route unsigned(WireRequest req, String region) {
    List<ServiceModel> rest = catalog.byProtocol("rest-json");
    if (rest.stream().anyMatch(m -> codec(m).operation(req, m).isPresent())) {
      ServiceModel model = choose(rest, req);
      return new Aws(model, codec(model), region);
    }
    String action = req.formParams().get("Action");
    if (action != null) {
      for (ServiceModel m : catalog.byProtocol("query")) {
        if (m.operations().containsKey(action)) return new Aws(m, codec(m), region);
      }
      return new Unroutable("no query service has Action " + action);
    }
    return new Unroutable("cannot tell which service " + req.method() + " " + req.path() + " is for");
  }

  private Route hostedByPath(WireRequest req) {
    String rest = req.path().substring(ENDPOINTS_PREFIX.length());
    int slash = rest.indexOf('/');
    String host = hostName(slash < 0 ? rest : rest.substring(0, slash));
    String path = slash < 0 ? "/" : rest.substring(slash);
    for (EndpointHost h : hosts.get()) {
      if (h.owns(host)) return new Hosted(h, hostedRequest(req, host, path));
    }
    return new Unroutable("no hosted endpoint owns " + host);
  }

  private static EndpointHost.Request hostedRequest(WireRequest req, String host, String path) {
    return new EndpointHost.Request(req.method(), host, path, req.rawQuery(), req.headers(), req.body());
  }

  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty()) return null;
    int colon = hostHeader.lastIndexOf(':');
    return (colon > 0 && !hostHeader.endsWith("]") ? hostHeader.substring(0, colon) : hostHeader).toLowerCase();
  }
}
