package io.harnessdeployer.emulator.services.agentcore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * nextToken paging over a list sorted by a string key. The token is the opaque key of the last item
 * returned, so items deleted between pages never make the next page skip or repeat one.
 */
final class Paging {
  record Page<T>(List<T> items, String nextToken) {}

  private Paging() {}

  static <T> Page<T> page(List<T> sorted, Function<T, String> key, Object maxResults, Object nextToken, int defaultMax) {
    int max = maxResults instanceof Number n ? n.intValue() : defaultMax;
    if (max < 1) throw Errors.invalidField("maxResults", "maxResults must be at least 1");
    String after = nextToken == null ? null : decode(nextToken.toString());
    List<T> rest = after == null ? sorted : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
    if (rest.size() <= max) return new Page<>(rest, null);
    List<T> items = rest.subList(0, max);
    return new Page<>(items, encode(key.apply(items.get(max - 1))));
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1|" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("v1|")) return s.substring(3);
    } catch (IllegalArgumentException e) {
      // falls through to the rejection below
    }
    throw Errors.invalidField("nextToken", "Invalid nextToken");
  }
}
