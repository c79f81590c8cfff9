package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.bench.reliability.FuzzSlots.Kind;
import io.harnessdeployer.bench.reliability.FuzzSlots.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hostile values: huge, unicode and control characters, injection, paths outside the tree,
 * out-of-range numbers and durations, empty and blank; plus, per kind, values at the edge that a
 * command may well accept (so the accepted path is fuzzed too). {@link #FIFO} and {@link #LANE}
 * stand for paths of the lane made at run time.
 */
final class FuzzValues {
  static final String FIFO = "@FIFO@";
  static final String LANE = "@LANE@";

  /** A value and a short label for a failure's detail (the value itself may be 100 KB of control characters). */
  record Value(String label, String text) {}

  static final List<Value> GENERIC = List.of(
      new Value("100 KB ASCII", "a".repeat(100_000)),
      new Value("30,000 CJK characters", "名".repeat(30_000)), // 90 KB: argv holds at most 128 KB per string
      new Value("RTL override", "ok\u202Egnp.exe"),
      new Value("zero-width space", "ok\u200Bx"),
      new Value("zero-width joiner and BOM", "\uFEFFok\u200Dx"),
      new Value("emoji", "zs😀caler"),
      new Value("NUL", "ok\u0000x"),
      new Value("ESC sequence", "ok\u001B[2J\u001B[31mred"),
      new Value("newline", "ok\nerror: forged second line"),
      new Value("carriage return", "ok\rforged"),
      new Value("tab", "ok\tx"),
      new Value("BEL, backspace, DEL", "ok\u0007\b\u007Fx"),
      new Value("C1 CSI", "ok\u009B31mx"),
      new Value("${...}", "${HOME}"),
      new Value("${...} of the secret", "pre-${ZSCALER_CLIENT_SECRET}-post"),
      new Value("$(...)", "$(id)"),
      new Value("backticks", "`id`"),
      new Value("shell metacharacters", "x; rm -rf / && echo |"),
      new Value("format string", "%s%n%x"),
      new Value("quotes", "\"it's\""),
      new Value("../../etc/passwd", "../../etc/passwd"),
      new Value("/dev/zero", "/dev/zero"),
      new Value("empty", ""),
      new Value("blank", "   "),
      new Value("lone surrogate-free astral", "𝔷𝔰"));

  static final List<Value> NUMBERS = List.of(
      new Value("-1", "-1"), new Value("0", "0"), new Value("2^31", "2147483648"), new Value("1e99", "1e99"),
      new Value("NaN", "NaN"), new Value("Infinity", "Infinity"), new Value("hex", "0x10"),
      new Value("padded 5", " 5 "), new Value("Arabic-Indic 3", "٣"), new Value("1", "1"), new Value("100", "100"));

  static final List<Value> DURATIONS = List.of(
      new Value("0s", "0s"), new Value("-5m", "-5m"), new Value("99999h", "99999h"), new Value("PT-1S", "PT-1S"),
      new Value("1e99s", "1e99s"), new Value("NaNs", "NaNs"), new Value("P9999999999D", "P9999999999D"),
      new Value("15m", "15m"), new Value("1h", "1h"), new Value("PT30M", "PT30M"), new Value("6h", "6h"));

  static final List<Value> PATHS = List.of(
      new Value("path ../../etc/passwd", "../../etc/passwd"), new Value("path /etc/passwd", "/etc/passwd"),
      new Value("path /dev/zero", "/dev/zero"), new Value("path a directory", "/etc"),
      new Value("path a FIFO", FIFO), new Value("path /proc/self/environ", "/proc/self/environ"),
      new Value("path missing", LANE + "/no/such.file"), new Value("path the lane directory", LANE));

  static final List<Value> BOOLEANS = List.of(
      new Value("true", "true"), new Value("false", "false"), new Value("yes", "yes"), new Value("TRUE", "TRUE"),
      new Value("1", "1"));

  /** Odd but plausible text: may be accepted, and then must reach the workflow as given. */
  static final List<Value> EDGE_TEXT = List.of(
      new Value("name of 40 a", "a".repeat(40)), new Value("name fz-edge-1", "fz-edge-1"),
      new Value("name fz_edge_2", "fz_edge_2"), new Value("64 characters", "b".repeat(64)),
      new Value("65 characters", "c".repeat(65)), new Value("unicode letters", "zscäler_名前"));

  private FuzzValues() {}

  /** The pool one slot draws from: generic values, plus its kind's own. */
  static List<Value> pool(Slot slot) {
    List<Value> p = new ArrayList<>(GENERIC);
    p.addAll(own(slot.kind()));
    return p;
  }

  private static List<Value> own(Kind kind) {
    return switch (kind) {
      case NUMBER -> NUMBERS;
      case DURATION -> DURATIONS;
      case PATH -> PATHS;
      case BOOLEAN -> BOOLEANS;
      case TEXT -> EDGE_TEXT;
    };
  }

  /** Two draws in three from the kind's own values where it has a rule of its own (numbers, durations, paths). */
  static Value pick(Slot slot, Random random) {
    boolean ownRule = slot.kind() == Kind.NUMBER || slot.kind() == Kind.DURATION || slot.kind() == Kind.PATH;
    List<Value> p = ownRule && random.nextInt(3) < 2 ? own(slot.kind()) : pool(slot);
    return p.get(random.nextInt(p.size()));
  }

  /**
   * What issue 8 rejects for sure (its HostileInputTest table): in a strict slot any huge value,
   * control or format character (bidi, zero-width), non-ASCII letter or {@code ${}; in a credential
   * or container slot the huge values and the control and format characters. A run that accepts one
   * of these is a finding.
   */
  static boolean mustReject(Slot slot, String value) {
    boolean control = value.codePoints().anyMatch(FuzzValues::isControlOrFormat);
    boolean huge = value.length() >= 10_000;
    if (slot.freeText()) return huge || control;
    boolean nonAscii = value.codePoints().anyMatch(c -> c > 0x7E);
    return huge || control || nonAscii || value.contains("${") || slot.kind() == Kind.BOOLEAN && !isBoolean(value);
  }

  /** Picocli takes {@code --flag=} (empty) as the bare flag: given, so true. */
  private static boolean isBoolean(String v) {
    return v.isEmpty() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
  }

  static boolean isControlOrFormat(int cp) {
    int type = Character.getType(cp);
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** For a failure's detail: control and format characters escaped, at most 60 characters. */
  static String shown(String value) {
    StringBuilder b = new StringBuilder();
    value.codePoints().limit(60).forEach(cp -> {
      if (isControlOrFormat(cp) || cp == '\\') b.append(String.format("\\u%04X", cp));
      else b.appendCodePoint(cp);
    });
    if (value.codePointCount(0, value.length()) > 60) b.append("…(").append(value.length()).append(" chars)");
    return b.toString();
  }
}
