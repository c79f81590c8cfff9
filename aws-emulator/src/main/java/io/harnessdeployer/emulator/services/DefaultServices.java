package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.List;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  private DefaultServices() {}

  public static List<ServiceHandler> create(EmulatorSettings settings) {
    return List.of(
        new StsHandler(settings));
  }
}
