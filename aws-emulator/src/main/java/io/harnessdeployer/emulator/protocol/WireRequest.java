package io.harnessdeployer.emulator.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as the emulator received it. {@code path} is raw (still percent-encoded). */
public record WireRequest(
    String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  public WireRequest {
    TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) ci.putAll(headers);
    headers = ci;
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Decoded query parameters, repeated keys kept in order. */
  public Map<String, List<String>> query() {
    return decodeForm(rawQuery);
  }

  /** Query and form-body parameters, one value per key (awsQuery). */
  public Map<String, String> formParams() {
    Map<String, String> out = new LinkedHashMap<>();
    decodeForm(rawQuery).forEach((k, v) -> out.put(k, v.get(0)));
    String type = header("Content-Type");
    if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
      decodeForm(bodyText()).forEach((k, v) -> out.put(k, v.get(0)));
    }
    return out;
  }

  public static Map<String, List<String>> decodeForm(String s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) return out;
    for (String pair : s.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** Percent-decoding for path segments ({@code +} stays a plus). */
  public static String decodePathSegment(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
