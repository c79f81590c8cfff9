package io.harnessdeployer.emulator.services.agentcore;

import java.util.Random;
import java.util.function.Supplier;

/** Random id parts, injectable so tests can make them predictable. */
final class Ids {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final Supplier<Random> random;

  Ids(Supplier<Random> random) {
    this.random = random;
  }

  String alnum(int n) {
    Random r = random.get();
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    return sb.toString();
  }

  String uuid() {
    Random r = random.get();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }
}
