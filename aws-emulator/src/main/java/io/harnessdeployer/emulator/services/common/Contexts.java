package io.harnessdeployer.emulator.services.common;

import io.harnessdeployer.emulator.runtime.RequestContext;

/**
 * Request contexts for reaching another account's (or region's) store: ECR registries named by
 * {@code registryId}, and {@link io.harnessdeployer.emulator.runtime.CloudLookup} calls that arrive
 * without a request.
 */
public final class Contexts {
  private static final String LOOKUP = "CloudLookup";

  private Contexts() {}

  public static RequestContext forAccount(RequestContext ctx, String accountId) {
    return new RequestContext(
        ctx.service(), ctx.operation(), accountId, ctx.region(), ctx.requestId(), ctx.now(), ctx.settings(),
        ctx.caller());
  }

  /** Enough of a context to key {@link io.harnessdeployer.emulator.state.AccountRegionStore}. */
  public static RequestContext lookup(String service, String accountId, String region) {
    return new RequestContext(service, LOOKUP, accountId, region, LOOKUP, null, null);
  }
}
