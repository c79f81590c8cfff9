package io.harnessdeployer.emulator.services.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.RequestContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated turn of InvokeHarness, as the events AWS streams. For each {@code remote_mcp} tool
 * the emulator hosts, the harness really talks to it over JSON-RPC ({@code initialize}, {@code
 * tools/list}, {@code tools/call} of the listed tool closest to the question): an assistant message
 * with the tool use (stop reason {@code tool_use}), a message with its result ({@code
 * tool_result}). Then the final assistant message: text deltas that repeat the user's message and
 * say what each tool did, {@code end_turn}, and the usage. The same request yields the same events.
 */
final class HarnessAnswer {
  private static final int WORDS_PER_DELTA = 3;
  private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{(arn:[^}]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ToolHosts hosts;
  private final CredentialProviders providers;

  HarnessAnswer(ToolHosts hosts, CredentialProviders providers) {
    this.hosts = hosts;
    this.providers = providers;
  }

  /** What one tool did in this turn: a sentence for the answer, and the call if one was made. */
  private record ToolTurn(String sentence, String serverName, String toolName, String result) {}

  /** The events of the turn; what the harness runtime would log goes to {@code log}. */
  List<Object> events(RequestContext ctx, Map<String, Object> spec, Map<String, Object> input, List<String> log) {
    List<Object> messages = Values.list(input.get("messages"));
    String question = lastUserText(messages);
    List<Object> tools = input.get("tools") != null ? Values.list(input.get("tools")) : Values.list(spec.get("tools"));
    StringBuilder text = new StringBuilder("You asked: \"" + question + "\".");
    if (tools.isEmpty()) text.append(" This harness has no tools, so I can only answer from the model.");
    List<Object> events = new ArrayList<>();
    StringBuilder toolText = new StringBuilder();
    for (Object tool : tools) {
      ToolTurn turn = toolTurn(ctx, Values.map(tool), question);
      text.append(' ').append(turn.sentence());
      log.add(turn.toolName() == null ? "tool " + turn.serverName() + ": " + turn.sentence()
          : "tool call " + turn.toolName() + " on " + turn.serverName() + ": ok");
      if (turn.toolName() == null) continue;
      String toolUseId = "tooluse_" + HexFormat.of().toHexDigits(Objects.hash(question, turn.serverName(), turn.toolName()));
      Map<String, Object> use = new LinkedHashMap<>();
      use.put("toolUseId", toolUseId);
      use.put("name", turn.toolName());
      use.put("type", "mcp_tool_use");
      use.put("serverName", turn.serverName());
      events.add(event("messageStart", Map.of("role", "assistant")));
      events.add(event("contentBlockStart", Map.of("contentBlockIndex", 0, "start", Map.of("toolUse", use))));
      events.add(event("contentBlockDelta", Map.of("contentBlockIndex", 0, "delta", Map.of("toolUse", Map.of("input", "{}")))));
      events.add(event("contentBlockStop", Map.of("contentBlockIndex", 0)));
      events.add(event("messageStop", Map.of("stopReason", "tool_use")));
      events.add(event("messageStart", Map.of("role", "user")));
      events.add(event("contentBlockStart", Map.of("contentBlockIndex", 0,
          "start", Map.of("toolResult", Map.of("toolUseId", toolUseId, "status", "success")))));
      events.add(event("contentBlockDelta", Map.of("contentBlockIndex", 0,
          "delta", Map.of("toolResult", List.of(Map.of("text", turn.result()))))));
      events.add(event("contentBlockStop", Map.of("contentBlockIndex", 0)));
      events.add(event("messageStop", Map.of("stopReason", "tool_result")));
      toolText.append(' ').append(turn.result());
    }
    text.append(" (Simulated by the AWS emulator; no model was called.)");

    events.add(event("messageStart", Map.of("role", "assistant")));
    for (String chunk : chunks(text.toString())) {
      events.add(event("contentBlockDelta", Map.of("contentBlockIndex", 0, "delta", Map.of("text", chunk))));
    }
    events.add(event("contentBlockStop", Map.of("contentBlockIndex", 0)));
    events.add(event("messageStop", Map.of("stopReason", "end_turn")));
    int in = words(promptText(spec, input, messages) + toolText);
    int out = words(text.toString());
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("inputTokens", in);
    usage.put("outputTokens", out);
    usage.put("totalTokens", in + out);
    events.add(event("metadata", Map.of("usage", usage, "metrics", Map.of("latencyMs", 100L + 10L * out))));
    log.add("turn ended: end_turn, " + in + " input and " + out + " output tokens");
    return events;
  }

  private ToolTurn toolTurn(RequestContext ctx, Map<String, Object> tool, String question) {
    String type = Values.string(tool, "type");
    String name = tool.get("name") != null ? tool.get("name").toString() : type;
    Map<String, Object> config = Values.map(tool.get("config"));
    Map<String, Object> remote = config == null ? null : Values.map(config.get("remoteMcp"));
    if (!"remote_mcp".equals(type) || remote == null) return new ToolTurn("The " + name + " tool (" + type + ") is configured.", name, null, null);
    String url = Values.string(remote, "url");
    String host = host(url);
    if (host == null || !hosts.serves(host)) {
      return unavailable(name, host == null ? "its URL is not valid" : host + " could not be reached");
    }
    Map<String, Object> headers = Values.map(remote.get("headers"));
    if (headers != null) {
      for (Object value : headers.values()) {
        Matcher m = PROVIDER_REFERENCE.matcher(String.valueOf(value));
        while (m.find()) {
          String arn = m.group(1);
          if (!providers.hasApiKey(ctx, arn) && !providers.oauth2Exists(ctx, arn)) {
            return unavailable(name, "credential provider " + arn + " was not found");
          }
        }
      }
    }
    String reachable = "The " + name + " tool at " + host + " is reachable.";
    String path = URI.create(url).getRawPath();
    path = path == null || path.isEmpty() ? "/" : path;
    JsonNode init = rpc(host, path, "initialize", JSON.createObjectNode().put("protocolVersion", "2025-06-18"));
    if (init.has("failure")) return unavailable(name, host + " " + init.get("failure").asText());
    JsonNode listed = rpc(host, path, "tools/list", JSON.createObjectNode());
    String toolName = closest(listed.path("result").path("tools"), question);
    if (toolName == null) return new ToolTurn(reachable + " It lists no tools I could call.", name, null, null);
    ObjectNode params = JSON.createObjectNode().put("name", toolName);
    params.putObject("arguments");
    JsonNode called = rpc(host, path, "tools/call", params);
    StringBuilder result = new StringBuilder();
    called.path("result").path("content").forEach(c -> result.append(c.path("text").asText()));
    if (result.length() == 0) return unavailable(name, "its " + toolName + " call failed");
    return new ToolTurn(reachable + " I called " + toolName + "; it answered " + result + ".", name, toolName, result.toString());
  }

  private static ToolTurn unavailable(String name, String why) {
    return new ToolTurn("The " + name + " tool was unavailable: " + why + ", so I could not use it.", name, null, null);
  }

  /** One JSON-RPC call to a served host; {@code {"failure": ...}} when it does not answer 200 with JSON. */
  private JsonNode rpc(String host, String path, String method, ObjectNode params) {
    ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", method).put("method", method);
    body.set("params", params);
    EndpointHost.Response r = hosts.answer(new EndpointHost.Request("POST", host, path, null,
        Map.of("Content-Type", List.of("application/json"), "Accept", List.of("application/json, text/event-stream")),
        body.toString().getBytes(StandardCharsets.UTF_8)));
    if (r.status() != 200) return JSON.createObjectNode().put("failure", "answered HTTP " + r.status());
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      return JSON.createObjectNode().put("failure", "answered malformed JSON");
    }
  }

  /** The listed tool sharing most words with the question (first on a tie). */
  private static String closest(JsonNode tools, String question) {
    List<String> words = List.of(question.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    String best = null;
    long bestScore = -1;
    for (JsonNode t : tools) {
      String n = t.path("name").asText();
      long score = java.util.Arrays.stream(n.split("_")).filter(words::contains).count();
      if (score > bestScore) {
        best = n;
        bestScore = score;
      }
    }
    return best;
  }

  private static String host(String url) {
    try {
      return url == null ? null : URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lastUserText(List<Object> messages) {
    Map<String, Object> last = messages.isEmpty() ? null : Values.map(messages.get(messages.size() - 1));
    StringBuilder text = new StringBuilder();
    if (last != null && "user".equals(last.get("role"))) {
      for (Object block : Values.list(last.get("content"))) {
        String t = Values.string(Values.map(block), "text");
        if (t != null) text.append(text.length() > 0 ? " " : "").append(t);
      }
    }
    if (text.length() == 0) {
      throw Errors.invalidField("messages", "The last message must be a user message with text content.");
    }
    return text.toString();
  }

  private static String promptText(Map<String, Object> spec, Map<String, Object> input, List<Object> messages) {
    StringBuilder sb = new StringBuilder();
    Object system = input.get("systemPrompt") != null ? input.get("systemPrompt") : spec.get("systemPrompt");
    for (Object block : Values.list(system)) sb.append(' ').append(Values.string(Values.map(block), "text"));
    for (Object message : messages) {
      for (Object block : Values.list(Values.map(message).get("content"))) {
        String t = Values.string(Values.map(block), "text");
        if (t != null) sb.append(' ').append(t);
      }
    }
    return sb.toString();
  }

  /** Whitespace-separated words: a stand-in for tokens that is stable across runs. */
  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Pieces of a few words each that concatenate back to {@code text}. */
  private static List<String> chunks(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?:\\S+\\s*){1," + WORDS_PER_DELTA + "}").matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static Map<String, Object> event(String type, Map<String, Object> body) {
    return Map.of(type, body);
  }
}
