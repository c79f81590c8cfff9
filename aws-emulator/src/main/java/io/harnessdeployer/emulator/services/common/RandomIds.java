package io.harnessdeployer.emulator.services.common;

import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers in the alphabets AWS uses. Not security-sensitive. */
public final class RandomIds {
  public static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  public static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RandomIds() {}

  public static String of(String alphabet, int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return sb.toString();
  }
}
