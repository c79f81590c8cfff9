package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost.Request;
import io.harnessdeployer.emulator.runtime.EndpointHost.Response;
import io.harnessdeployer.emulator.services.common.McpJsonRpc;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Gateway's MCP endpoint, {@code https://<gatewayId>.gateway.bedrock-agentcore.<region>.amazonaws.com/mcp}.
 * Unknown or deleted gateway: 404. Not READY: 503. A CUSTOM_JWT gateway checks the bearer token
 * ({@link JwtAuthorizer}); missing or refused: 401 with {@code WWW-Authenticate}. Then each READY
 * target's server is reached as {@link RuntimeReach} describes, and the MCP server answers; a target
 * that cannot be reached makes it a JSON-RPC error naming why.
 */
final class GatewayEndpoint {
  private static final Pattern HOST = Pattern.compile("([a-z0-9-]+)\\.gateway\\.bedrock-agentcore\\.([a-z0-9-]+)\\.amazonaws\\.com");

  private final AccountRegionStore<AgentCoreState> store;
  private final CloudLookup cloud;
  private final RuntimeReach reach;
  private final Settler settler;

  GatewayEndpoint(AccountRegionStore<AgentCoreState> store, CloudLookup cloud, RuntimeReach reach,
      Settler settler) {
    this.store = store;
    this.cloud = cloud;
    this.reach = reach;
    this.settler = settler;
  }

  static boolean owns(String host) {
    return HOST.matcher(host).matches();
  }

  Response answer(Request req, Instant now) {
    Matcher m = HOST.matcher(req.host());
    if (!m.matches()) return Response.json(404, "{\"message\":\"Not Found\"}");
    String path = req.path().contains("?") ? req.path().substring(0, req.path().indexOf('?')) : req.path();
    String failure = null;
    boolean found = false;
    for (AgentCoreState s : store.all()) {
      synchronized (s) {
        settler.settle(s, now);
        Optional<GatewayRecord> gateway = Gateways.byId(s, m.group(1)).filter(g -> g.region.equals(m.group(2)));
        if (gateway.isEmpty()) continue;
        found = true;
        GatewayRecord g = gateway.get();
        if (!g.life.is("READY") && !g.life.is("UPDATING")) return Response.json(503, "{\"message\":\"Gateway is " + g.life.status + "\"}");
        if (!path.equals("/mcp") && !path.equals("/mcp/")) return Response.json(404, "{\"message\":\"Not Found\"}");
        Optional<String> refused = authorize(g, header(req, "Authorization"), now);
        if (refused.isPresent()) {
          return new Response(401, Map.of("Content-Type", "application/json",
              "WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + refused.get() + "\""),
              McpJsonRpc.error(null, -32001, "Unauthorized: " + refused.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!req.method().equals("POST")) return new Response(405, Map.of("Allow", "POST"), new byte[0]);
        List<TargetRecord> ready = g.targets.values().stream().filter(t -> t.life.is("READY")).toList();
        if (ready.isEmpty()) failure = "Gateway " + g.id + " has no READY target.";
        for (TargetRecord t : ready) {
          Optional<String> why = reach.failure(s, t, now);
          if (why.isPresent()) {
            failure = "Target " + t.name + ": " + why.get();
            break;
          }
        }
      }
      break;
    }
    if (!found) return Response.json(404, "{\"message\":\"Not Found\"}");
    if (failure != null) return Response.json(200, McpJsonRpc.error(null, -32603, failure));
    return McpJsonRpc.answer(req.body());
  }

  private Optional<String> authorize(GatewayRecord g, String authorization, Instant now) {
    String type = (String) g.spec.get("authorizerType");
    if ("CUSTOM_JWT".equals(type)) return JwtAuthorizer.reject(cloud, Values.map(g.spec.get("authorizerConfiguration")), authorization, now);
    if ("AWS_IAM".equals(type) && (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256"))) {
      return Optional.of("missing SigV4 signature");
    }
    return Optional.empty();
  }

  private static String header(Request req, String name) {
    if (req.headers() == null) return null;
    for (var e : req.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
    }
    return null;
  }
}
