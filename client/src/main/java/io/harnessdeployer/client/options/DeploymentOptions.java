package io.harnessdeployer.client.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which deployment, where its settings are, and whether to ask before acting. */
public final class DeploymentOptions {
  @Option(names = "--name", paramLabel = "DEPLOYMENT",
      description = "Deployment name; with the region it identifies the deployment (default: the harness name).")
  String name;

  @Option(names = "--env-file", paramLabel = "PATH",
      description = "Settings file (default: ./.env, else ./env.properties).")
  Path envFile;

  @Option(names = {"-y", "--yes"}, description = "Do not ask: accept defaults and confirmations.")
  boolean yes;

  public String name() {
    return name;
  }

  public Path envFile() {
    return envFile;
  }

  public boolean yes() {
    return yes;
  }
}
