package io.harnessdeployer.workflows.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private ECR image URI, {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]}.
 *
 * @param reference the tag, or the digest ({@code sha256:...}) for a {@code @} reference
 */
public record EcrImageUri(String registryId, String region, String repository, String reference) {
  private static final Pattern URI =
      Pattern.compile("^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?:([:@])(.+))?$");

  /** Empty for anything that is not a private ECR URI (Docker Hub, ECR Public, ...). */
  public static Optional<EcrImageUri> parse(String image) {
    if (image == null) {
      return Optional.empty();
    }
    Matcher m = URI.matcher(image.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String reference = m.group(5) == null ? "latest" : m.group(5);
    return Optional.of(new EcrImageUri(m.group(1), m.group(2), m.group(3), reference));
  }

  public boolean byDigest() {
    return reference.startsWith("sha256:");
  }
}
