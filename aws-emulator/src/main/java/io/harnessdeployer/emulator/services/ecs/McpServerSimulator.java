package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost.Response;
import io.harnessdeployer.emulator.services.common.McpJsonRpc;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Zscaler MCP server behind each Express service's public endpoint, with the ALB in front of it.
 *
 * <ul>
 *   <li>Unknown endpoint, or the service is INACTIVE: 404 (the load balancer is gone).
 *   <li>Still provisioning, DRAINING, or the serving configuration cannot produce a healthy task (a
 *       secret or JSON key ECS cannot inject, no Zscaler credentials, the server refusing to bind
 *       0.0.0.0 without host validation, port or health-path mismatch): 503 as an ALB without healthy
 *       targets.
 *   <li>Healthy: {@code GET /health} answers 200 {@code {"status":"ok"}} without any Host check, as the
 *       real server does (the ALB's own probes carry the task IP as Host). {@code /mcp} applies the
 *       server's DNS-rebinding guard to the endpoint's host (what the ALB forwards for
 *       {@code https://<endpoint>/mcp}) and answers 421 {@code Invalid Host header} unless
 *       {@code ZSCALER_MCP_ALLOWED_HOSTS} admits it or {@code ZSCALER_MCP_DISABLE_HOST_VALIDATION} is
 *       true/1/yes; otherwise a minimal JSON-RPC {@code initialize}/{@code ping}.
 * </ul>
 */
public final class McpServerSimulator {
  private static final Pattern EXPRESS_HOST = Pattern.compile("[a-z0-9-]+\\.ecs\\.[a-z0-9-]+\\.on\\.aws");
  private static final String ALB_503 =
      "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
          + "<h1>503 Service Temporarily Unavailable</h1></center></body></html>";
  static final String FAILURE_HEADER = "X-Emulator-Task-Failure";

  private final EndpointIndex endpoints;
  private final CloudLookup lookup;

  McpServerSimulator(EndpointIndex endpoints, CloudLookup lookup) {
    this.endpoints = endpoints;
    this.lookup = lookup;
  }

  /** True for any host of the Express endpoint form, known or not. */
  public boolean serves(String host) {
    return EXPRESS_HOST.matcher(EndpointIndex.bareHost(host)).matches();
  }

  /** Answers one request to {@code https://<host><path>} at {@code now}. */
  public Response handle(String host, String method, String path, byte[] body, Instant now) {
    Optional<EndpointIndex.Endpoint> endpoint = endpoints.find(host);
    if (endpoint.isEmpty()) return text(404, "Not Found");
    String status;
    ServiceRevision revision;
    ExpressService service = endpoint.get().service();
    synchronized (endpoint.get().state()) {
      status = service.statusCode(now);
      revision = service.serving(now);
    }
    Map<String, Object> configuration = revision.configuration();
    if (ExpressService.INACTIVE.equals(status)) return text(404, "Not Found");
    if (!ExpressService.ACTIVE.equals(status)) return alb503(status == null ? "service is provisioning" : "service is " + status);
    // Secrets Manager is asked outside the ECS lock.
    McpContainer.Launch launch = McpContainer.launch(configuration, lookup);
    if (!launch.healthy()) return alb503(launch.failure());
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Response response = serve(launch, service, method, p, body);
    accessLog(service, revision, method, p, response.status(), now);
    return response;
  }

  private static Response serve(McpContainer.Launch launch, ExpressService service, String method, String p, byte[] body) {
    if (p.equals(McpContainer.HEALTH_PATH) && (method.equals("GET") || method.equals("HEAD"))) {
      return Response.json(200, method.equals("GET") ? "{\"status\":\"ok\"}" : "");
    }
    if (!p.equals("/mcp") && !p.equals("/mcp/")) return text(404, "Not Found");
    if (!launch.allowsHost(service.endpointHost)) return text(421, "Invalid Host header");
    if (method.equals("GET")) {
      return Response.json(406, McpJsonRpc.error(null, -32600, "Not Acceptable: Client must accept text/event-stream"));
    }
    if (!method.equals("POST")) return new Response(405, Map.of("Allow", "GET, POST"), new byte[0]);
    return McpJsonRpc.answer(body);
  }

  /**
   * The server's access log line, as its awslogs driver ships it to the container's log group
   * ({@code <prefix>/main/<task id>}, one task per revision); dropped if the group does not exist.
   */
  @SuppressWarnings("unchecked")
  private void accessLog(ExpressService service, ServiceRevision revision, String method, String path, int status, Instant now) {
    Map<String, Object> container = (Map<String, Object>) revision.configuration().get("primaryContainer");
    Object logs = container == null ? null : container.get("awsLogsConfiguration");
    if (!(logs instanceof Map<?, ?> config) || config.get("logGroup") == null) return;
    String[] arn = service.arn.split(":");
    String prefix = config.get("logStreamPrefix") == null ? "ecs" : config.get("logStreamPrefix").toString();
    String task = String.format("%032x", (long) revision.arn().hashCode() & 0xffffffffL);
    String line = "INFO:     10.0.1.17:43512 - \"" + method + " " + path + " HTTP/1.1\" " + status;
    lookup.writeLog(arn[4], arn[3], config.get("logGroup").toString(), prefix + "/main/" + task, now, List.of(line), false);
  }

  private static Response alb503(String reason) {
    return new Response(503, Map.of("Content-Type", "text/html", FAILURE_HEADER, reason), bytes(ALB_503));
  }

  private static Response text(int status, String body) {
    return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"), bytes(body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
