package io.harnessdeployer.emulator.services.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.emulator.runtime.EndpointHost.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Zscaler MCP server's JSON-RPC answers once a request has reached it (wherever it is hosted: an
 * ECS Express task or an AgentCore Runtime): {@code initialize}, {@code ping}, {@code tools/list} of
 * a few of its tools and {@code tools/call} of them (fixed, emulated data), notifications accepted,
 * anything else "Method not found".
 */
public final class McpJsonRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Some of the real server's tools, each with the emulated result its call returns. */
  public static final Map<String, String> TOOLS = Map.of(
      "zpa_list_segment_groups", "[{\"id\":\"72058304855015574\",\"name\":\"Emulated segment group\",\"enabled\":true}]",
      "zpa_list_application_segments", "[{\"id\":\"72058304855015575\",\"name\":\"Emulated application\"}]",
      "zia_list_url_categories", "[{\"id\":\"CUSTOM_01\",\"configuredName\":\"Emulated category\"}]");

  private McpJsonRpc() {}

  public static Response answer(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body == null ? new byte[0] : body);
    } catch (java.io.IOException e) {
      return Response.json(400, error(null, -32700, "Parse error"));
    }
    if (request == null || !request.isObject()) return Response.json(400, error(null, -32600, "Invalid Request"));
    JsonNode id = request.get("id");
    String method = request.path("method").asText();
    if (id == null) return new Response(202, Map.of(), new byte[0]); // a notification
    ObjectNode result = JSON.createObjectNode();
    switch (method) {
      case "initialize" -> {
        result.put("protocolVersion", request.path("params").path("protocolVersion").asText("2025-06-18"));
        result.putObject("capabilities").putObject("tools").put("listChanged", true);
        result.putObject("serverInfo").put("name", "Zscaler MCP Server").put("version", "emulated");
      }
      case "ping" -> {}
      case "tools/list" -> {
        var tools = result.putArray("tools");
        TOOLS.keySet().stream().sorted().forEach(name -> tools.addObject().put("name", name)
            .put("description", "Emulated " + name.replace('_', ' ')).putObject("inputSchema").put("type", "object"));
      }
      case "tools/call" -> {
        String name = request.path("params").path("name").asText();
        if (!TOOLS.containsKey(name)) return Response.json(200, error(id, -32602, "Unknown tool: " + name));
        result.putArray("content").addObject().put("type", "text").put("text", TOOLS.get(name));
        result.put("isError", false);
      }
      default -> {
        return Response.json(200, error(id, -32601, "Method not found: " + method));
      }
    }
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    String session = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
    return new Response(200, Map.of("Content-Type", "application/json", "Mcp-Session-Id", session),
        response.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON-RPC error object; {@code id} null when the request had none. */
  public static String error(JsonNode id, int code, String message) {
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
    response.set("id", id);
    response.putObject("error").put("code", code).put("message", message);
    return response.toString();
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--, v >>= 8) b[i] = (byte) v;
    return b;
  }
}
