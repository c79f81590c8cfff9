package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.RequestContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated assistant turn of InvokeHarness, as the events AWS streams: messageStart, text deltas,
 * contentBlockStop, messageStop, metadata. The text repeats the user's message and says, per tool,
 * whether the harness could reach it; the same request always yields the same events.
 */
final class HarnessAnswer {
  private static final int WORDS_PER_DELTA = 3;
  private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{(arn:[^}]+)}");

  private final ToolHosts hosts;
  private final CredentialProviders providers;

  HarnessAnswer(ToolHosts hosts, CredentialProviders providers) {
    this.hosts = hosts;
    this.providers = providers;
  }

  List<Object> events(RequestContext ctx, Map<String, Object> spec, Map<String, Object> input) {
    List<Object> messages = Values.list(input.get("messages"));
    String question = lastUserText(messages);
    List<Object> tools = input.get("tools") != null ? Values.list(input.get("tools")) : Values.list(spec.get("tools"));
    StringBuilder text = new StringBuilder("You asked: \"" + question + "\".");
    if (tools.isEmpty()) text.append(" This harness has no tools, so I can only answer from the model.");
    for (Object tool : tools) text.append(' ').append(toolStatus(ctx, Values.map(tool)));
    text.append(" (Simulated by the AWS emulator; no model was called.)");

    List<Object> events = new ArrayList<>();
    events.add(event("messageStart", Map.of("role", "assistant")));
    for (String chunk : chunks(text.toString())) {
      events.add(event("contentBlockDelta", Map.of("contentBlockIndex", 0, "delta", Map.of("text", chunk))));
    }
    events.add(event("contentBlockStop", Map.of("contentBlockIndex", 0)));
    events.add(event("messageStop", Map.of("stopReason", "end_turn")));
    int in = words(promptText(spec, input, messages));
    int out = words(text.toString());
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("inputTokens", in);
    usage.put("outputTokens", out);
    usage.put("totalTokens", in + out);
    events.add(event("metadata", Map.of("usage", usage, "metrics", Map.of("latencyMs", 100L + 10L * out))));
    return events;
  }

  private String toolStatus(RequestContext ctx, Map<String, Object> tool) {
    String type = Values.string(tool, "type");
    String name = tool.get("name") != null ? tool.get("name").toString() : type;
    Map<String, Object> config = Values.map(tool.get("config"));
    Map<String, Object> remote = config == null ? null : Values.map(config.get("remoteMcp"));
    if (!"remote_mcp".equals(type) || remote == null) return "The " + name + " tool (" + type + ") is configured.";
    String host = host(Values.string(remote, "url"));
    if (host == null || !hosts.serves(host)) {
      return "The " + name + " tool was unavailable: " + (host == null ? "its URL is not valid" : host + " could not be reached")
          + ", so I could not use it.";
    }
    Map<String, Object> headers = Values.map(remote.get("headers"));
    if (headers != null) {
      for (Object value : headers.values()) {
        Matcher m = PROVIDER_REFERENCE.matcher(String.valueOf(value));
        while (m.find()) {
          String arn = m.group(1);
          if (!providers.hasApiKey(ctx, arn) && !providers.oauth2Exists(ctx, arn)) {
            return "The " + name + " tool was unavailable: credential provider " + arn + " was not found.";
          }
        }
      }
    }
    return "The " + name + " tool at " + host + " is reachable.";
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
