package io.harnessdeployer.bench.reliability;

import io.harnessdeployer.workflows.common.Names;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Counts from the emulator's request log and resources that a case's outcome is judged on. */
public final class Ledger {
  private static final Pattern GONE = Pattern.compile("INACTIVE|DELET|SCHEDULED_FOR_DELETION", Pattern.CASE_INSENSITIVE);
  private Ledger() {}

  /**
   * Successful (2xx) Create* calls per resource, keyed {@code "<operation> <name>"} by the call's
   * first *Name parameter, of requests whose parameters mention {@code deployment} (null: all).
   */
  public static Map<String, Integer> successfulCreates(List<Map<String, Object>> requests, String deployment) {
    Map<String, Integer> out = new TreeMap<>();
    for (Map<String, Object> r : requests) {
      String op = String.valueOf(r.get("operation"));
      int status = ((Number) r.getOrDefault("status", 0)).intValue();
      if (!op.startsWith("Create") || status < 200 || status > 299) continue;
      Object params = r.get("parameters");
      if (deployment != null && !mentions(String.valueOf(params), deployment)) continue;
      out.merge(op + " " + name(params), 1, Integer::sum);
    }
    return out;
  }

  /** How many resources were created more than once (each extra create counts). */
  public static int duplicated(Map<String, Integer> creates) {
    return creates.values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
  }

  /**
   * Live resources of the deployment: by its ownership tag, or by its name in theirs. What the
   * emulator still lists as INACTIVE, DELETING or SCHEDULED_FOR_DELETION is gone (AWS lists those too).
   */
  public static List<Map<String, Object>> ours(List<Map<String, Object>> resources, String region, String deployment) {
    return resources.stream().filter(r -> !GONE.matcher(String.valueOf(r.get("status"))).find()).filter(r -> {
      Object tags = r.get("tags");
      boolean tagged = tags instanceof Map<?, ?> m && (region + "/" + deployment).equals(m.get(Names.TAG_DEPLOYMENT));
      return tagged || mentions(r.get("name") + " " + r.get("arn"), deployment);
    }).toList();
  }

  /** {@code "<service> <type> <name>"} of each resource, for a detail line. */
  public static List<String> describe(List<Map<String, Object>> resources) {
    return resources.stream().map(r -> r.get("service") + " " + r.get("type") + " " + r.get("name")).sorted().toList();
  }

  /**
   * Resource names carry a deployment name with - or _ (the harness name). Deployment names of one
   * lane must not contain each other: use fixed-width ones such as {@code rel-c007}.
   */
  static boolean mentions(String text, String deployment) {
    return text.contains(deployment) || text.contains(deployment.replace('-', '_'));
  }

  private static String name(Object params) {
    if (params instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if ((k.endsWith("Name") || k.equals("name")) && e.getValue() instanceof String s) return s;
      }
    }
    return "?";
  }
}
