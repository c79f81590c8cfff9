package io.harnessdeployer.client.adopt;

import io.harnessdeployer.client.options.ResourceNameFlags;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The original tool's resource names (as deploy and destroy take them) and its state file. */
public final class AdoptFlags {
  @Mixin ResourceNameFlags names = new ResourceNameFlags();

  @Option(names = "--state-file", paramLabel = "PATH",
      description = "The original tool's .aws-harness-state.json: its region, resource names and harness id"
          + " are used (default: find the resources by the names the flags, environment and .env give).")
  Path stateFile;

  public Path stateFile() {
    return stateFile;
  }
}
