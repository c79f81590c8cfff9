package io.harnessdeployer.emulator.services.ecr;

import static io.harnessdeployer.emulator.services.ecr.EcrConstants.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One repository and its images in push order. Guarded by the handler's lock. */
final class Repository {
  final String name;
  final String registryId;
  final String arn;
  final String uri;
  final Instant createdAt;
  final String tagMutability;
  /** WILDCARD filters (only {@code *} is special) that flip mutability for matching tags. */
  final List<String> mutabilityExclusions;
  final boolean scanOnPush;
  final String encryptionType;
  final String kmsKey;
  final Map<String, String> tags = new LinkedHashMap<>();
  final List<Image> images = new ArrayList<>();

  Repository(
      String name,
      String registryId,
      String arn,
      String uri,
      Instant createdAt,
      String tagMutability,
      List<String> mutabilityExclusions,
      boolean scanOnPush,
      String encryptionType,
      String kmsKey) {
    this.name = name;
    this.registryId = registryId;
    this.arn = arn;
    this.uri = uri;
    this.createdAt = createdAt;
    this.tagMutability = tagMutability;
    this.mutabilityExclusions = mutabilityExclusions;
    this.scanOnPush = scanOnPush;
    this.encryptionType = encryptionType;
    this.kmsKey = kmsKey;
  }

  Optional<Image> byDigest(String digest) {
    return images.stream().filter(i -> i.digest.equals(digest)).findFirst();
  }

  Optional<Image> byTag(String tag) {
    return images.stream().filter(i -> i.tags.contains(tag)).findFirst();
  }

  /** Whether an existing tag may be moved to another image. */
  boolean tagImmutable(String tag) {
    boolean excluded = mutabilityExclusions.stream().anyMatch(f -> wildcard(f).matcher(tag).matches());
    return switch (tagMutability) {
      case IMMUTABLE -> true;
      case IMMUTABLE_WITH_EXCLUSION -> !excluded;
      case MUTABLE_WITH_EXCLUSION -> excluded;
      default -> false;
    };
  }

  private static Pattern wildcard(String filter) {
    return Pattern.compile(
        java.util.Arrays.stream(filter.split("\\*", -1)).map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*")));
  }
}
