package io.harnessdeployer.emulator.services.ecr;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One image (manifest) in a repository and the tags pointing at it. Guarded by the handler's lock. */
final class Image {
  final String digest;
  final String manifest;
  final String mediaType;
  /** The manifest's config media type, if it has one. */
  final String artifactMediaType;
  final long sizeInBytes;
  final Instant pushedAt;
  final Set<String> tags = new LinkedHashSet<>();

  Image(String digest, String manifest, String mediaType, String artifactMediaType, long sizeInBytes, Instant pushedAt) {
    this.digest = digest;
    this.manifest = manifest;
    this.mediaType = mediaType;
    this.artifactMediaType = artifactMediaType;
    this.sizeInBytes = sizeInBytes;
    this.pushedAt = pushedAt;
  }
}
