package io.harnessdeployer.emulator.state;

import io.harnessdeployer.emulator.runtime.RequestContext;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Per account and region state for one service. Global services (IAM) key by account only. */
public final class AccountRegionStore<S> {
  private final Map<String, S> stores = new ConcurrentHashMap<>();
  private final Supplier<S> factory;
  private final boolean global;

  private AccountRegionStore(Supplier<S> factory, boolean global) {
    this.factory = factory;
    this.global = global;
  }

  public static <S> AccountRegionStore<S> regional(Supplier<S> factory) {
    return new AccountRegionStore<>(factory, false);
  }

  public static <S> AccountRegionStore<S> global(Supplier<S> factory) {
    return new AccountRegionStore<>(factory, true);
  }

  public S of(RequestContext ctx) {
    String key = global ? ctx.accountId() : ctx.accountId() + "/" + ctx.region();
    return stores.computeIfAbsent(key, k -> factory.get());
  }

  public Collection<S> all() {
    return stores.values();
  }

  public void clear() {
    stores.clear();
  }
}
