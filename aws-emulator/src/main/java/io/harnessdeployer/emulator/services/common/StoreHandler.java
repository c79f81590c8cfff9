package io.harnessdeployer.emulator.services.common;

import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service whose whole state is one {@link AccountRegionStore}: its id, operation table and reset. */
public abstract class StoreHandler<S> implements ServiceHandler {
  protected final AccountRegionStore<S> store;
  private final String service;
  private final Map<String, Operation> operations = new LinkedHashMap<>();

  protected StoreHandler(String service, AccountRegionStore<S> store) {
    this.service = service;
    this.store = store;
  }

  /** Registers one operation; subclasses call it from their constructor only. */
  protected final void on(String name, Operation op) {
    operations.put(name, op);
  }

  @Override
  public final String service() {
    return service;
  }

  @Override
  public final Map<String, Operation> operations() {
    return Collections.unmodifiableMap(operations);
  }

  @Override
  public synchronized void reset() {
    store.clear();
  }
}
