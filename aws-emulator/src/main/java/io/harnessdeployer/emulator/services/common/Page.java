package io.harnessdeployer.emulator.services.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * One page of an already ordered list. Tokens are opaque to callers (an offset, base64-encoded) and a
 * token the service did not issue is rejected with the service's own error.
 */
public record Page<T>(List<T> items, String nextToken) {
  private static final String PREFIX = "offset:";

  public static <T> Page<T> of(
      List<T> all, String token, int size, Supplier<? extends RuntimeException> invalidToken) {
    int from = token == null || token.isEmpty() ? 0 : decode(token, invalidToken);
    if (from > all.size()) throw invalidToken.get();
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? encode(to) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  public boolean truncated() {
    return nextToken != null;
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, Supplier<? extends RuntimeException> invalidToken) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!s.startsWith(PREFIX)) throw invalidToken.get();
      int offset = Integer.parseInt(s.substring(PREFIX.length()));
      if (offset < 0) throw invalidToken.get();
      return offset;
    } catch (IllegalArgumentException e) {
      throw invalidToken.get();
    }
  }
}
