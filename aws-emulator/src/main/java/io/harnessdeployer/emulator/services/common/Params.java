package io.harnessdeployer.emulator.services.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads from a generic operation input (see {@link io.harnessdeployer.emulator.runtime.Operation}). */
public final class Params {
  private Params() {}

  public static String string(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? null : v.toString();
  }

  public static Integer integer(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? null : ((Number) v).intValue();
  }

  public static Long longValue(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? null : ((Number) v).longValue();
  }

  public static boolean flag(Map<String, Object> in, String member) {
    return Boolean.TRUE.equals(in.get(member));
  }

  /** A boxed boolean: null when the caller did not send it. */
  public static Boolean bool(Map<String, Object> in, String member) {
    return (Boolean) in.get(member);
  }

  public static byte[] bytes(Map<String, Object> in, String member) {
    return (byte[]) in.get(member);
  }

  @SuppressWarnings("unchecked")
  public static List<String> strings(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? List.of() : (List<String>) v;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> structures(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> structure(Map<String, Object> in, String member) {
    Object v = in.get(member);
    return v == null ? Map.of() : (Map<String, Object>) v;
  }

  /** A model map of string to string (such as Logs {@code tags}). */
  @SuppressWarnings("unchecked")
  public static Map<String, String> stringMap(Map<String, Object> in, String member) {
    Object v = in.get(member);
    if (v == null) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<String, Object>) v).forEach((k, val) -> out.put(k, val == null ? "" : val.toString()));
    return out;
  }
}
