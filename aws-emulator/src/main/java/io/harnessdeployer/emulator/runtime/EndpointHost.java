package io.harnessdeployer.emulator.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A simulated endpoint outside the AWS APIs, such as the public URL of a deployed ECS service
 * ({@code https://<name>.ecs.us-east-1.on.aws/health}). The router sends it requests whose
 * {@code Host} it owns, and requests to {@code /_emulator/endpoints/<host>/<path>} for clients that
 * cannot set {@code Host}. A {@link ServiceHandler} that implements this is registered automatically.
 */
public interface EndpointHost {
  /** True if requests for this host name (without port) belong here. */
  boolean owns(String host);

  Response answer(Request request);

  /** {@code path} starts with {@code /}; {@code query} is raw, or null. Header names are case-insensitive. */
  record Request(String method, String host, String path, String query, Map<String, List<String>> headers, byte[] body) {}

  record Response(int status, Map<String, String> headers, byte[] body) {
    public static Response json(int status, String json) {
      return new Response(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
