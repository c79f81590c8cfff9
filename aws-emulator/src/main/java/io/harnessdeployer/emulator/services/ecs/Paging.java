package io.harnessdeployer.emulator.services.ecs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Offset paging with an opaque token, as ECS's list operations page. */
final class Paging {
  private Paging() {}

  /** One page of {@code items} under {@code listMember}, plus {@code nextToken} when more remain. */
  static Map<String, Object> page(
      List<String> items, String listMember, Integer maxResults, String nextToken, int defaultSize) {
    int size = maxResults == null ? defaultSize : maxResults;
    if (size < 1 || size > EcsDefaults.MAX_PAGE) throw EcsMessages.maxResults(EcsDefaults.MAX_PAGE);
    int from = nextToken == null ? 0 : decode(nextToken);
    if (from > items.size()) throw EcsMessages.badNextToken();
    int to = Math.min(items.size(), from + size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(listMember, List.copyOf(items.subList(from, to)));
    if (to < items.size()) out.put("nextToken", encode(to));
    return out;
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("ecs:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!s.startsWith("ecs:")) throw EcsMessages.badNextToken();
      return Integer.parseInt(s.substring(4));
    } catch (IllegalArgumentException e) {
      throw EcsMessages.badNextToken();
    }
  }
}
