package io.harnessdeployer.worker.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's production files, as the worker module's tests see them (surefire runs in worker/). */
final class RepoFiles {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private RepoFiles() {}

  static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docker-compose.yml with anchors resolved, as Compose reads it before interpolation. */
  static Map<String, Object> compose() {
    return new Yaml().load(read("docker-compose.yml"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static Map<String, Object> service(Map<String, Object> compose, String name) {
    Map<String, Object> s = map(map(compose.get("services")).get(name));
    if (s == null) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return s;
  }
}
