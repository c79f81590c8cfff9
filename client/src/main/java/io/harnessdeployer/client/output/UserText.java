package io.harnessdeployer.client.output;

/**
 * What a user typed, made safe to show in an error: control characters (which could move the
 * cursor, recolour the screen or split the line) and invisible format characters (bidi overrides)
 * are escaped, e.g. {@code \n}, {@code \t}, {@code \x1b}, {@code \u202e}; a backslash doubles, so
 * an escape in the output always means an escaped character. Long values are cut to {@link
 * #QUOTE_MAX} characters, never inside an escape or a surrogate pair.
 */
public final class UserText {
  /** At most this many characters of a value are quoted, the ellipsis included. */
  public static final int QUOTE_MAX = 80;

  private UserText() {}

  /** {@code 'value'}, escaped and shortened; the length is added when the value was cut. */
  public static String quote(String value) {
    String shown = shorten(value, QUOTE_MAX);
    boolean cut = !shown.equals(shorten(value, Integer.MAX_VALUE));
    return "'" + shown + "'" + (cut ? " (" + value.length() + " characters)" : "");
  }

  /** The escaped value, cut with an ellipsis to at most {@code max} characters. */
  public static String shorten(String value, int max) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), max) + 8);
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String piece = escape(cp);
      int after = i + Character.charCount(cp);
      boolean last = after == value.length();
      if (b.length() + piece.length() > (last ? max : max - 1)) {
        return b.append('…').toString();
      }
      b.append(piece);
      i = after;
    }
    return b.toString();
  }

  /** Escapes control and format characters of a whole message, without cutting it. */
  public static String escapeAll(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> b.append(cp == '\\' ? "\\" : escape(cp)));
    return b.toString();
  }

  /** True when {@code text} holds a character {@link #escapeAll} would change. */
  public static boolean hasControl(String text) {
    return text.codePoints().anyMatch(cp -> cp != '\\' && !escape(cp).equals(Character.toString(cp)));
  }

  private static String escape(int cp) {
    switch (cp) {
      case '\n': return "\\n";
      case '\r': return "\\r";
      case '\t': return "\\t";
      case '\\': return "\\\\";
      default: break;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      return String.format("\\x%02x", cp);
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
      return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }
    return Character.toString(cp);
  }
}
