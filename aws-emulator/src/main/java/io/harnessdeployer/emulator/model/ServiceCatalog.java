package io.harnessdeployer.emulator.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every loaded model, indexed the way requests identify their service. */
public final class ServiceCatalog {
  private final Map<String, ServiceModel> byId = new LinkedHashMap<>();
  private final Map<String, ServiceModel> byTargetPrefix = new LinkedHashMap<>();

  public ServiceCatalog(Collection<ServiceModel> models) {
    for (ServiceModel m : models) {
      byId.put(m.id(), m);
      if (m.targetPrefix() != null) byTargetPrefix.put(m.targetPrefix(), m);
    }
  }

  /** All shipped models, loaded in parallel. */
  public static ServiceCatalog loadAll() {
    return new ServiceCatalog(ModelLoader.SERVICES.parallelStream().map(ModelLoader::load).toList());
  }

  public Optional<ServiceModel> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<ServiceModel> byTargetPrefix(String prefix) {
    return Optional.ofNullable(byTargetPrefix.get(prefix));
  }

  /** Models whose SigV4 signing name (or, failing that, endpoint prefix) is {@code name}. */
  public List<ServiceModel> bySigningName(String name) {
    return byId.values().stream()
        .filter(m -> name.equals(m.signingName()) || name.equals(m.endpointPrefix()))
        .toList();
  }

  public Collection<ServiceModel> all() {
    return byId.values();
  }
}
