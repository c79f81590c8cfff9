package io.harnessdeployer.activities.ecs;

import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.graph.Observed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayContainer;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;

/**
 * What drift compares of an Express service: its serving configuration. Credential values in the
 * env (plaintext mode) are shown as {@code <sealed>}, never as themselves. {@code endpoint} (the
 * public host, absent when none) is shown, not compared: no desired state declares it.
 */
final class ServiceObservation {
  private ServiceObservation() {}

  static Observed of(ECSExpressGatewayService s) {
    Map<String, Object> out = new LinkedHashMap<>();
    ExpressGatewayServiceConfiguration live = ExpressViews.live(s);
    ExpressGatewayContainer c = live == null ? null : live.primaryContainer();
    if (live != null) {
      out.put("executionRoleArn", live.executionRoleArn());
      out.put("healthCheckPath", live.healthCheckPath());
    }
    if (c != null) {
      out.put("image", c.image());
      Map<String, String> env = new TreeMap<>();
      if (c.hasEnvironment()) {
        c.environment().forEach(e -> env.put(e.name(), e.value()));
      }
      out.put("environment", ContainerEnv.withEndpointNamed(ContainerEnv.sealed(env), ExpressViews.publicEndpoint(s)));
      Map<String, String> secrets = new TreeMap<>();
      if (c.hasSecrets()) {
        c.secrets().forEach(x -> secrets.put(x.name(), x.valueFrom()));
      }
      out.put("secrets", secrets);
    }
    out.put("endpoint", ExpressViews.publicEndpoint(s)); // bare fqdn, as the deploy's ACTIVE wait has it
    out.values().removeIf(v -> v == null);
    return new Observed(true, ExpressViews.status(s), EcsTags.of(s.tags()), out);
  }
}
