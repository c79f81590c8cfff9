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
    Duration gatewayCreate,
    Duration runtimeUpdate,
    Duration runtimeDelete,
    Duration gatewayUpdate,
    Duration gatewayDelete,
    Duration targetCreate,
    Duration targetDelete) {

  public static LatencyProfile instant() {
    Duration z = Duration.ZERO;
    return new LatencyProfile(z, z, z, z, z, z, z, z, z, z, z, z, z, z, z);
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
        Duration.ofSeconds(6),
        Duration.ofSeconds(8),
        Duration.ofSeconds(4),
        Duration.ofSeconds(4),
        Duration.ofSeconds(4),
        Duration.ofSeconds(4),
        Duration.ofSeconds(2));
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
    Map<String, Duration> m = new java.util.LinkedHashMap<>();
    m.put("ecs.activate", ecsServiceActivate);
    m.put("ecs.update", ecsServiceUpdate);
    m.put("ecs.drain", ecsServiceDrain);
    m.put("harness.create", harnessCreate);
    m.put("harness.update", harnessUpdate);
    m.put("harness.delete", harnessDelete);
    m.put("iam.propagation", iamPropagation);
    m.put("runtime.create", runtimeCreate);
    m.put("gateway.create", gatewayCreate);
    m.put("runtime.update", runtimeUpdate);
    m.put("runtime.delete", runtimeDelete);
    m.put("gateway.update", gatewayUpdate);
    m.put("gateway.delete", gatewayDelete);
    m.put("target.create", targetCreate);
    m.put("target.delete", targetDelete);
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
        m.get("gateway.create"),
        m.get("runtime.update"),
        m.get("runtime.delete"),
        m.get("gateway.update"),
        m.get("gateway.delete"),
        m.get("target.create"),
        m.get("target.delete"));
  }

  static Duration parseDuration(String s) {
    if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    if (s.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
    if (s.endsWith("m")) return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
    return Duration.ofMillis(Long.parseLong(s));
  }
}
