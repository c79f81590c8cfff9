package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.FuzzSlots.Slot;
import io.harnessdeployer.bench.reliability.FuzzValues.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One fuzzed input: a value for one slot, given one way, to one command run of its own deployment. */
record FuzzInput(Slot slot, Value value, Via via, String deployment) {
  enum Via { FLAG, ENV, FILE }

  String label() {
    String where = switch (via) {
      case FLAG -> slot.flag();
      case ENV -> "env " + slot.key();
      case FILE -> ".env " + slot.key();
    };
    return slot.command() + " " + where + " = " + value.label();
  }

  /**
   * The ways this value can be given, the seed choosing among them: argv and the environment
   * cannot hold NUL, a settings file line cannot hold a line break; some keys are read from only
   * one place.
   */
  static Via via(Slot slot, String text, Random random) {
    List<Via> ways = new ArrayList<>();
    boolean nul = text.indexOf('\0') >= 0;
    boolean lineBreak = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    boolean fileOnly = slot.key() != null && FuzzSlots.FILE_ONLY.contains(slot.key());
    boolean envOnly = slot.key() != null && FuzzSlots.ENV_ONLY.contains(slot.key());
    if (slot.flag() != null && !nul) ways.add(Via.FLAG);
    if (slot.key() != null && !nul && !fileOnly) ways.add(Via.ENV);
    if (slot.key() != null && !lineBreak && !envOnly) ways.add(Via.FILE);
    return ways.isEmpty() ? null : ways.get(random.nextInt(ways.size()));
  }
}
