package io.harnessdeployer.emulator.services;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.ecr.EcrHandler;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.logs.LogsHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import io.harnessdeployer.emulator.services.sts.StsHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.List;

/** Every service the emulator answers. Add one line per handler. */
public final class DefaultServices {
  private DefaultServices() {}

  public static List<ServiceHandler> create(EmulatorSettings settings) {
    // IAM and Secrets Manager first: services that ask them something (ECS passing a role, a
    // container reading a secret) take `cloud`, never the handlers themselves.
    IamHandler iam = new IamHandler();
    SecretsManagerHandler secrets = new SecretsManagerHandler(settings.clock());
    CloudLookup cloud = new HandlerCloudLookup(iam, secrets);
    return create(settings, iam, secrets, cloud);
  }

  /** {@code cloud} is what handlers that consult IAM or Secrets Manager receive. */
  static List<ServiceHandler> create(
      EmulatorSettings settings, IamHandler iam, SecretsManagerHandler secrets, CloudLookup cloud) {
    return List.of(
        new StsHandler(settings),
        iam,
        secrets,
        new LogsHandler(),
        new EcrHandler());
  }
}
