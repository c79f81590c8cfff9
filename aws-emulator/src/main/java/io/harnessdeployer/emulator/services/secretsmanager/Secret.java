package io.harnessdeployer.emulator.services.secretsmanager;

import static io.harnessdeployer.emulator.services.secretsmanager.SecretsConstants.*;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One secret with its versions and staging labels. Guarded by the handler's lock. */
final class Secret {
  /** One stored value. {@code stages} is the only mutable part. */
  record Version(String id, String string, byte[] binary, Instant created, Set<String> stages) {
    boolean sameValue(String otherString, byte[] otherBinary) {
      return java.util.Objects.equals(string, otherString) && Arrays.equals(binary, otherBinary);
    }
  }

  final String name;
  final String arn;
  final Instant created;
  final String description;
  final String kmsKeyId;
  Instant lastChanged;
  Instant lastAccessed;
  /** When DeleteSecret ran; null while live. */
  Instant deletedDate;
  /** When the secret disappears for good; null while live. */
  Instant deletionDate;
  final Map<String, String> tags = new LinkedHashMap<>();
  /** In creation order. Versions without a staging label are deprecated and dropped. */
  final Map<String, Version> versions = new LinkedHashMap<>();

  Secret(String name, String arn, Instant created, String description, String kmsKeyId) {
    this.name = name;
    this.arn = arn;
    this.created = created;
    this.description = description;
    this.kmsKeyId = kmsKeyId;
    this.lastChanged = created;
  }

  boolean deleted() {
    return deletedDate != null;
  }

  Optional<Version> byStage(String stage) {
    return versions.values().stream().filter(v -> v.stages().contains(stage)).findFirst();
  }

  /**
   * Stores a new version under {@code stages}, moving each label from whichever version held it.
   * AWSCURRENT moving away leaves AWSPREVIOUS on the version that had it.
   */
  void addVersion(String id, String string, byte[] binary, Instant now, List<String> stages) {
    Optional<Version> previousCurrent = stages.contains(AWSCURRENT) ? byStage(AWSCURRENT) : Optional.empty();
    Set<String> moving = new LinkedHashSet<>(stages);
    previousCurrent.ifPresent(v -> moving.add(AWSPREVIOUS));
    versions.values().forEach(v -> v.stages().removeAll(moving));
    previousCurrent.ifPresent(v -> v.stages().add(AWSPREVIOUS));
    versions.put(id, new Version(id, string, binary, now, new LinkedHashSet<>(stages)));
    versions.values().removeIf(v -> v.stages().isEmpty());
    lastChanged = now;
  }

  /** VersionIdsToStages as DescribeSecret shows it. */
  Map<String, Object> versionsToStages() {
    Map<String, Object> out = new LinkedHashMap<>();
    versions.values().forEach(v -> out.put(v.id(), List.copyOf(v.stages())));
    return out;
  }
}
