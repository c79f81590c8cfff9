package io.harnessdeployer.emulator.services.ecs;

import java.util.List;
import java.util.Map;

/** Typed reads from the generic operation input. */
final class Inputs {
  private Inputs() {}

  static String string(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? null : v.toString();
  }

  static String required(Map<String, Object> in, String member) {
    String v = string(in, member);
    if (v == null || v.isBlank()) throw EcsMessages.invalidParameter(member + " must be specified.");
    return v;
  }

  static Integer integer(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? null : ((Number) v).intValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> struct(Map<String, Object> in, String member) {
    return (Map<String, Object>) in.get(member);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? List.of() : (List<Object>) v;
  }

  static List<String> strings(Map<String, Object> in, String member) {
    return list(in, member).stream().map(Object::toString).toList();
  }

  static boolean includes(Map<String, Object> in, String value) {
    return strings(in, "include").contains(value);
  }
}
