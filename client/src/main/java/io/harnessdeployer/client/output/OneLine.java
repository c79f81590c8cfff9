package io.harnessdeployer.client.output;

/**
 * Text from elsewhere (an AWS error, a stack trace) made fit for one line of a terminal: control
 * characters, which could move the cursor or recolour the screen, become spaces, runs of
 * whitespace collapse, and long text is cut with an ellipsis.
 */
public final class OneLine {
  private OneLine() {}

  /** @param max at most this many characters, the ellipsis included; null stays null */
  public static String of(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (blank) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
      if (b.length() > max) {
        break;
      }
    }
    if (b.length() <= max) {
      return b.toString();
    }
    int cut = max - 1;
    if (Character.isLowSurrogate(b.charAt(cut))) {
      cut--; // never split a surrogate pair
    }
    return b.substring(0, cut) + "…";
  }
}
