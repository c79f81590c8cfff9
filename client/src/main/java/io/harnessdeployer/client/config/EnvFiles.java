package io.harnessdeployer.client.config;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.output.UserText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the settings file: {@code --env-file} when given (missing is an error), else the first of
 * {@code ./.env}, {@code ./env.properties}. Only one file is read. The seed also looked next to the
 * script; a CLI installed elsewhere has no such place.
 */
public final class EnvFiles {
  public static final List<String> DISCOVERED = List.of(".env", "env.properties");

  private EnvFiles() {}

  /** The parsed file, or {@link DotEnv#empty()} when none was given and none exists. */
  public static DotEnv load(Path cwd, Path envFile) {
    if (envFile != null) {
      Path path = cwd.resolve(envFile);
      String shown = "--env-file " + UserText.quote(envFile.toString());
      if (Files.isDirectory(path)) {
        throw CliException.badInput(shown + " is a directory: name a KEY=VALUE file");
      }
      if (!Files.isRegularFile(path)) {
        throw CliException.badInput(shown + ": no such file");
      }
      return DotEnv.read(path, display(cwd, path));
    }
    for (String name : DISCOVERED) {
      Path path = cwd.resolve(name);
      if (Files.isRegularFile(path)) {
        return DotEnv.read(path, name);
      }
    }
    return DotEnv.empty();
  }

  private static String display(Path cwd, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    // messages name the file in every "(from file:line KEY)": keep that short and escaped
    return UserText.shorten(abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString(), 60);
  }
}
