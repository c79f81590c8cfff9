package io.harnessdeployer.emulator;

import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test-only handler: operations given as lambdas, resources as a mutable list. */
public final class FakeHandler implements ServiceHandler {
  private final String service;
  private final Map<String, Operation> operations = new LinkedHashMap<>();
  public final List<ResourceView> resources = new ArrayList<>();
  public int resets;

  public FakeHandler(String service) {
    this.service = service;
  }

  public FakeHandler on(String operation, Operation impl) {
    operations.put(operation, impl);
    return this;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  @Override
  public List<ResourceView> resources() {
    return resources;
  }

  @Override
  public void reset() {
    resources.clear();
    resets++;
  }

  /** A LinkedHashMap from alternating keys and values. */
  public static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
