package io.harnessdeployer.activities.ecs;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Secret;

/**
 * The container an Express service must run (spec §8a, §8b, §8e) and how it differs from what is
 * live. {@code environment} may hold plaintext credentials (plaintext mode): {@link #changes} names
 * keys, never values, and {@link #toString()} shows neither.
 */
final class ServiceDesign {
  final String image;
  final Map<String, String> environment;
  /** Secret name to {@code valueFrom}, in key order. */
  final Map<String, String> secrets;
  final String logGroup;

  ServiceDesign(String image, Map<String, String> environment, Map<String, String> secrets, String logGroup) {
    this.image = image;
    this.environment = environment;
    this.secrets = secrets;
    this.logGroup = logGroup;
  }

  /** {@code secrets[]} of spec §8b: one JSON-key projection per key, latest version. */
  static Map<String, String> secretsOf(ServiceSpec spec) {
    return ContainerEnv.secretProjections(spec.secretArn(), spec.secretKeys());
  }

  ExpressGatewayContainer container() {
    ExpressGatewayContainer.Builder c = ExpressGatewayContainer.builder()
        .image(image)
        .containerPort(Names.CONTAINER_PORT)
        .awsLogsConfiguration(l -> l.logGroup(logGroup).logStreamPrefix(Names.ECS_LOG_STREAM_PREFIX))
        .environment(environment.entrySet().stream()
            .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build())
            .toList());
    if (!secrets.isEmpty()) {
      c.secrets(secrets.entrySet().stream()
          .map(e -> Secret.builder().name(e.getKey()).valueFrom(e.getValue()).build())
          .toList());
    }
    return c.build();
  }

  /**
   * What differs from a live configuration (null: none is live): {@code image}, {@code
   * healthCheckPath}, {@code secrets}, and the names of env keys added, removed or changed.
   */
  List<String> changes(ExpressGatewayServiceConfiguration live) {
    List<String> changes = new ArrayList<>();
    ExpressGatewayContainer c = live == null ? null : live.primaryContainer();
    if (c == null || !Objects.equals(image, c.image())) {
      changes.add("image");
    }
    if (live == null || !Names.HEALTH_CHECK_PATH.equals(live.healthCheckPath())) {
      changes.add("healthCheckPath");
    }
    Map<String, String> liveSecrets = new LinkedHashMap<>();
    if (c != null && c.hasSecrets()) {
      c.secrets().forEach(s -> liveSecrets.put(s.name(), s.valueFrom()));
    }
    if (!liveSecrets.equals(secrets)) {
      changes.add("secrets");
    }
    Map<String, String> liveEnv = new LinkedHashMap<>();
    if (c != null && c.hasEnvironment()) {
      c.environment().forEach(e -> liveEnv.put(e.name(), e.value()));
    }
    TreeSet<String> keys = new TreeSet<>(liveEnv.keySet());
    keys.addAll(environment.keySet());
    for (String key : keys) {
      if (!Objects.equals(liveEnv.get(key), environment.get(key))) {
        changes.add(key);
      }
    }
    return changes;
  }

  @Override
  public String toString() {
    return "ServiceDesign[image=" + image + ", env keys=" + environment.keySet() + ", secrets="
        + secrets.keySet() + "]";
  }
}
