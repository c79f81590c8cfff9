package io.harnessdeployer.client.output;

/**
 * The one way a command reports an error: {@code error: <message><suffix>} on one line, whatever
 * the message holds (a value from a flag, a file, a server). Bad input fits {@link #MAX}
 * characters; other failures (which name workflows, runs and times) get {@link #WIDE}. Messages
 * quote values with {@link UserText#quote}; this is the last guard.
 */
public final class ErrorLine {
  public static final int MAX = 200;
  public static final int WIDE = 1000;
  private static final String PREFIX = "error: ";

  private ErrorLine() {}

  public static String of(String message, int max) {
    return of(message, "", max);
  }

  /** @param suffix kept whole (e.g. a pointer to --help); the message is cut to fit before it */
  public static String of(String message, String suffix, int max) {
    String tail = UserText.escapeAll(suffix == null ? "" : suffix);
    String body = UserText.escapeAll(message == null ? "(no message)" : message);
    int room = max - PREFIX.length() - tail.length();
    if (body.length() > room) {
      int cut = room - 1;
      if (cut > 0 && Character.isHighSurrogate(body.charAt(cut - 1))) {
        cut--; // never split a surrogate pair
      }
      body = body.substring(0, Math.max(cut, 0)) + "…";
    }
    return PREFIX + body + tail;
  }
}
