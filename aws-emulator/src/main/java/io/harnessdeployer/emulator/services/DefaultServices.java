package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.ecs.EcsHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.List;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  private DefaultServices() {}

  /** Services whose cross-service lookups are not wired yet see {@link UnwiredCloudLookup}. */
  public static List<ServiceHandler> create(EmulatorSettings settings) {
    return create(settings, UnwiredCloudLookup.INSTANCE);
  }

  public static List<ServiceHandler> create(EmulatorSettings settings, CloudLookup cloud) {
    return List.of(
        new StsHandler(settings),
        new EcsHandler(cloud, settings.clock()));
  }
}
