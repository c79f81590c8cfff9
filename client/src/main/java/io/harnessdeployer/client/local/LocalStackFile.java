package io.harnessdeployer.client.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The discovery file of a running local stack ({@code local-stack.json} in the state directory):
 * written once the stack is up, removed when it stops. A file whose process is gone (a killed
 * {@code client dev}) is ignored.
 */
public final class LocalStackFile {
  public static final String NAME = "local-stack.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path path;

  public LocalStackFile(Path stateDir) {
    this.path = stateDir.resolve(NAME);
  }

  public Path path() {
    return path;
  }

  /** Replaces the file in one move, so a reader never sees half of it. */
  public void write(LocalStackInfo info) {
    try {
      Files.createDirectories(path.getParent());
      Path tmp = Files.createTempFile(path.getParent(), NAME, ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(info) + "\n");
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** The stack described by the file, if the file is readable and its process is alive. */
  public Optional<LocalStackInfo> live() {
    return read().filter(info -> ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false));
  }

  Optional<LocalStackInfo> read() {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(path.toFile(), LocalStackInfo.class));
    } catch (IOException unreadable) {
      return Optional.empty(); // torn or foreign content: as if no stack ran
    }
  }

  /** Removes the file if it still describes {@code pid} (another stack may have replaced it). */
  public void removeIfOwnedBy(long pid) {
    if (read().map(info -> info.pid() == pid).orElse(false)) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a stale file is harmless: readers check the pid
      }
    }
  }
}
