package io.harnessdeployer.emulator.state;

import java.time.Duration;
import java.util.Map;

/**
 * How long simulated resources take to change state. {@code instant} is for tests, {@code realistic}
 * for demos; any delay can be overridden by name (for example {@code ecs.activate=30s}).
 */
public record LatencyProfile(
    Duration ecsServiceActivate,
    Duration ecsServiceUpdate,
    Duration ecsServiceDrain,
    Duration harnessCreate,
    Duration harnessUpdate,
    Duration harnessDelete,
    Duration iamPropagation,
    Duration runtimeCreate,
    Duration gatewayCreate) {

  public static LatencyProfile instant() {
    Duration z = Duration.ZERO;
    return new LatencyProfile(z, z, z, z, z, z, z, z, z);
  }

  public static LatencyProfile realistic() {
    return new LatencyProfile(
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(6),
        Duration.ofSeconds(4),
        Duration.ofSeconds(4),
        Duration.ofSeconds(5),
        Duration.ofSeconds(8),
        Duration.ofSeconds(6));
  }

  /** {@code instant}, {@code realistic}, or either followed by overrides: {@code instant,ecs.activate=3s}. */
  public static LatencyProfile parse(String spec) {
    String[] parts = spec.split(",");
    LatencyProfile p =
        switch (parts[0].trim()) {
          case "instant" -> instant();
          case "realistic" -> realistic();
          default -> throw new IllegalArgumentException("unknown latency profile: " + parts[0]);
        };
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length != 2) throw new IllegalArgumentException("expected name=duration: " + parts[i]);
      p = p.with(kv[0].trim(), parseDuration(kv[1].trim()));
    }
    return p;
  }

  public LatencyProfile with(String name, Duration d) {
    Map<String, Duration> m =
        new java.util.LinkedHashMap<>(
            Map.of(
                "ecs.activate", ecsServiceActivate,
                "ecs.update", ecsServiceUpdate,
                "ecs.drain", ecsServiceDrain,
                "harness.create", harnessCreate,
                "harness.update", harnessUpdate,
                "harness.delete", harnessDelete,
                "iam.propagation", iamPropagation,
                "runtime.create", runtimeCreate,
                "gateway.create", gatewayCreate));
    if (!m.containsKey(name)) throw new IllegalArgumentException("unknown delay: " + name);
    m.put(name, d);
    return new LatencyProfile(
        m.get("ecs.activate"),
        m.get("ecs.update"),
        m.get("ecs.drain"),
        m.get("harness.create"),
        m.get("harness.update"),
        m.get("harness.delete"),
        m.get("iam.propagation"),
        m.get("runtime.create"),
        m.get("gateway.create"));
  }

  static Duration parseDuration(String s) {
    if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    if (s.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
    if (s.endsWith("m")) return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
    return Duration.ofMillis(Long.parseLong(s));
  }
}
