package io.harnessdeployer.emulator.services.ecs;

import static io.harnessdeployer.emulator.services.ecs.EcsRig.SECRET_ARN;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.container;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.env;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.in;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.publicEndpoint;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.secrets;
import static io.harnessdeployer.emulator.services.ecs.EcsRig.serverEnv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.runtime.EndpointHost.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class McpServerSimulatorTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:service/zscaler-mcp/zscaler-mcp-server";
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}";
  private final EcsRig rig = new EcsRig().withRoles();

  @BeforeEach
  void cluster() {
    rig.call("CreateCluster", in("clusterName", "zscaler-mcp"));
    rig.cloud.secrets.put(SECRET_ARN, Map.of("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "s3cr3t"));
  }

  /** Deploys with credentials from the secret and the given extra environment; returns the endpoint host. */
  private String deploy(String... extraEnv) {
    rig.createService("zscaler-mcp", "zscaler-mcp-server",
        container("img:1", serverEnv(extraEnv), secrets("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET")));
    rig.advance(EcsRig.ACTIVATE);
    return publicEndpoint(rig.describe(ARN));
  }

  private Response get(String host, String path) {
    return rig.ecs.mcpServers().handle(host, "GET", path, new byte[0], rig.clock.now);
  }

  private Response initialize(String host) {
    return rig.ecs.mcpServers().handle(host, "POST", "/mcp", INITIALIZE.getBytes(StandardCharsets.UTF_8), rig.clock.now);
  }

  @Test
  void health_answersOkOnlyOnceTheServiceIsActive() {
    rig.createService("zscaler-mcp", "zscaler-mcp-server",
        container("img:1", serverEnv("ZSCALER_MCP_ALLOWED_HOSTS", "localhost:*"), secrets("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET")));
    String host = EcsDefaults.endpointHost("zs-0000000000000000", "us-east-1");
    assertEquals(404, get(host, "/health").status());
    assertTrue(rig.ecs.mcpServers().serves(host));
    assertFalse(rig.ecs.mcpServers().serves("example.com"));

    rig.advance(EcsRig.ACTIVATE);
    String endpoint = publicEndpoint(rig.describe(ARN));
    Response ok = get(endpoint.toUpperCase() + ":443", "/health");
    assertEquals(200, ok.status());
    assertEquals("{\"status\":\"ok\"}", new String(ok.body(), StandardCharsets.UTF_8));
    assertEquals(404, get(endpoint, "/other").status());
  }

  @Test
  void servedRequests_areLoggedToTheContainersLogGroup_oneStreamPerTask() {
    String host = deploy("ZSCALER_MCP_ALLOWED_HOSTS", "localhost:*");
    get(host, "/health");
    initialize(host);

    assertEquals(2, rig.cloud.logged.size(), rig.cloud.logged.toString());
    String stream = "123456789012|us-east-1|/ecs/zscaler-mcp|mcp/main/";
    assertTrue(rig.cloud.logged.get(0).startsWith(stream), rig.cloud.logged.toString());
    assertTrue(rig.cloud.logged.get(0).endsWith("|INFO:     10.0.1.17:43512 - \"GET /health HTTP/1.1\" 200|false"),
        rig.cloud.logged.toString());
    assertTrue(rig.cloud.logged.get(1).endsWith("\"POST /mcp HTTP/1.1\" 421|false"), rig.cloud.logged.toString());
    assertEquals(rig.cloud.logged.get(0).split("\\|")[3], rig.cloud.logged.get(1).split("\\|")[3], "the same task");
  }

  @Test
  void mcp_listsAndCallsTools() {
    String host = deploy("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "true");
    Response listed = rig.ecs.mcpServers().handle(host, "POST", "/mcp",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8), rig.clock.now);
    assertTrue(new String(listed.body(), StandardCharsets.UTF_8).contains("\"name\":\"zpa_list_segment_groups\""));
    Response called = rig.ecs.mcpServers().handle(host, "POST", "/mcp", ("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"zpa_list_segment_groups\",\"arguments\":{}}}").getBytes(StandardCharsets.UTF_8), rig.clock.now);
    assertTrue(new String(called.body(), StandardCharsets.UTF_8).contains("Emulated segment group"));
    Response unknown = rig.ecs.mcpServers().handle(host, "POST", "/mcp", ("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
        + "\"params\":{\"name\":\"nope\"}}").getBytes(StandardCharsets.UTF_8), rig.clock.now);
    assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("\"code\":-32602"));
  }

  @Test
  void health_isUnavailableWhileProvisioning() {
    rig.createService("zscaler-mcp", "zscaler-mcp-server", container("img:1", serverEnv(), secrets("ZSCALER_CLIENT_ID")));
    String host = endpointPublishedLater();
    assertEquals(503, get(host, "/health").status());
  }

  @Test
  void mcp_isMisdirectedUntilTheEndpointIsAnAllowedHost() {
    String host = deploy("ZSCALER_MCP_ALLOWED_HOSTS", "localhost:*," + "127.0.0.1:*");
    assertEquals(200, get(host, "/health").status(), "health checks skip the Host guard");
    Response misdirected = initialize(host);
    assertEquals(421, misdirected.status());
    assertEquals("Invalid Host header", new String(misdirected.body(), StandardCharsets.UTF_8));

    rig.call("UpdateExpressGatewayService", in("serviceArn", ARN, "primaryContainer",
        container("img:1", serverEnv("ZSCALER_MCP_ALLOWED_HOSTS", host + ",127.0.0.1:*,localhost:*"),
            secrets("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"))));
    assertEquals(421, initialize(host).status(), "the old tasks serve until the rollout completes");
    rig.advance(EcsRig.UPDATE);
    Response ok = initialize(host);
    assertEquals(200, ok.status());
    assertTrue(new String(ok.body(), StandardCharsets.UTF_8).contains("\"protocolVersion\":\"2025-03-26\""), new String(ok.body(), StandardCharsets.UTF_8));
    assertTrue(ok.headers().containsKey("Mcp-Session-Id"));
  }

  @Test
  void mcp_hostWithPortWildcardDoesNotAdmitTheBareHost() {
    String host = deploy("ZSCALER_MCP_ALLOWED_HOSTS", "zs-placeholder");
    rig.call("UpdateExpressGatewayService", in("serviceArn", ARN, "primaryContainer",
        container("img:1", serverEnv("ZSCALER_MCP_ALLOWED_HOSTS", host + ":*"), secrets("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"))));
    rig.advance(EcsRig.UPDATE);
    assertEquals(421, initialize(host).status());
  }

  @Test
  void mcp_acceptsAnyHostWhenHostValidationIsDisabled() {
    String host = deploy("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "Yes");
    assertEquals(200, get(host, "/health").status());
    assertEquals(200, initialize(host).status());
    Response notification = rig.ecs.mcpServers().handle(host, "POST", "/mcp",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}".getBytes(StandardCharsets.UTF_8), rig.clock.now);
    assertEquals(202, notification.status());
  }

  @Test
  void serverRefusesToBindAllInterfacesWithoutAnyHostValidationSetting() {
    String host = deploy();
    Response down = get(host, "/health");
    assertEquals(503, down.status());
    assertTrue(down.headers().get(McpServerSimulator.FAILURE_HEADER).contains("0.0.0.0"));
  }

  @Test
  void taskNeverStartsWhenASecretKeyIsMissingAndRecoversWhenItIsAdded() {
    rig.cloud.secrets.put(SECRET_ARN, Map.of("ZSCALER_CLIENT_ID", "id"));
    String host = deploy("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "true");
    Response down = get(host, "/health");
    assertEquals(503, down.status());
    String reason = down.headers().get(McpServerSimulator.FAILURE_HEADER);
    assertTrue(reason.contains(SECRET_ARN + ":ZSCALER_CLIENT_SECRET::"), reason);
    assertFalse(reason.contains("id\""), "never a secret value");

    rig.cloud.secrets.put(SECRET_ARN, Map.of("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "s"));
    assertEquals(200, get(host, "/health").status());
    rig.cloud.secrets.remove(SECRET_ARN);
    assertEquals(503, get(host, "/health").status(), "a deleted secret cannot be injected");
  }

  @Test
  void taskNeedsZscalerCredentialsFromEnvironmentOrSecrets() {
    rig.createService("zscaler-mcp", "zscaler-mcp-server",
        container("img:1", serverEnv("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "1"), List.of()));
    rig.advance(EcsRig.ACTIVATE);
    String host = publicEndpoint(rig.describe(ARN));
    assertEquals(503, get(host, "/health").status());

    List<Object> plaintext = new ArrayList<>(serverEnv("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "1"));
    plaintext.addAll(env("ZSCALER_CLIENT_ID", "id", "ZSCALER_CLIENT_SECRET", "secret"));
    rig.call("UpdateExpressGatewayService", in("serviceArn", ARN, "primaryContainer", container("img:1", plaintext, List.of())));
    rig.advance(EcsRig.UPDATE);
    assertEquals(200, get(host, "/health").status());
  }

  @Test
  void albHealthChecksFailOnAnotherPathOrPort() {
    String host = deploy("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "true");
    rig.call("UpdateExpressGatewayService", in("serviceArn", ARN, "healthCheckPath", "/ping"));
    rig.advance(EcsRig.UPDATE);
    assertEquals(503, get(host, "/health").status());
    rig.call("UpdateExpressGatewayService", in("serviceArn", ARN, "healthCheckPath", "/health",
        "primaryContainer", in("image", "img:1", "environment", serverEnv("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "true"),
            "secrets", secrets("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET"))));
    rig.advance(EcsRig.UPDATE);
    assertEquals(503, get(host, "/health").status(), "containerPort defaults to 80, the server listens on 8000");
  }

  @Test
  void endpointIsUnavailableWhileDrainingAndGoneWhenInactive() {
    String host = deploy("ZSCALER_MCP_DISABLE_HOST_VALIDATION", "true");
    rig.call("DeleteExpressGatewayService", in("serviceArn", ARN));
    assertEquals(503, get(host, "/health").status());
    rig.advance(Duration.ofMinutes(1));
    assertEquals(404, get(host, "/health").status());
  }

  /** The endpoint is published only once ACTIVE: peek ahead on the clock, then come back. */
  private String endpointPublishedLater() {
    rig.advance(EcsRig.ACTIVATE);
    String host = publicEndpoint(rig.describe(ARN));
    rig.advance(EcsRig.ACTIVATE.negated());
    return host;
  }
}
