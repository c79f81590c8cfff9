package io.harnessdeployer.emulator.services.ecs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Public endpoint host of each Express service ever created, to the service (and its state's lock). */
final class EndpointIndex {
  record Endpoint(EcsState state, ExpressService service) {}

  private final Map<String, Endpoint> byHost = new ConcurrentHashMap<>();

  void put(EcsState state, ExpressService service) {
    byHost.put(service.endpointHost, new Endpoint(state, service));
  }

  /** {@code host} may carry a port and any case. */
  Optional<Endpoint> find(String host) {
    return Optional.ofNullable(byHost.get(bareHost(host)));
  }

  void clear() {
    byHost.clear();
  }

  static String bareHost(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
