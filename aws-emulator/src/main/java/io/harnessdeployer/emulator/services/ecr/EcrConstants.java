package io.harnessdeployer.emulator.services.ecr;

/** ECR names, defaults and the wording the real service uses in its errors. */
final class EcrConstants {
  private EcrConstants() {}

  static final String SERVICE = "ecr";
  static final String RESOURCE_TYPE = "repository";
  static final String STATUS_ACTIVE = "ACTIVE";
  static final String REPOSITORY_PREFIX = "repository/";
  static final String URI_FORMAT = "%s.dkr.ecr.%s.amazonaws.com/%s";
  static final String DIGEST_ALGORITHM = "SHA-256";
  static final String DIGEST_PREFIX = "sha256:";

  static final String MUTABLE = "MUTABLE";
  static final String IMMUTABLE = "IMMUTABLE";
  static final String IMMUTABLE_WITH_EXCLUSION = "IMMUTABLE_WITH_EXCLUSION";
  static final String MUTABLE_WITH_EXCLUSION = "MUTABLE_WITH_EXCLUSION";
  static final String DEFAULT_ENCRYPTION = "AES256";
  static final int DEFAULT_MAX_RESULTS = 100;
  static final String TAGGED = "TAGGED";
  static final String UNTAGGED = "UNTAGGED";

  // Error shapes.
  static final String REPOSITORY_NOT_FOUND = "RepositoryNotFoundException";
  static final String REPOSITORY_EXISTS = "RepositoryAlreadyExistsException";
  static final String REPOSITORY_NOT_EMPTY = "RepositoryNotEmptyException";
  static final String IMAGE_NOT_FOUND = "ImageNotFoundException";
  static final String IMAGE_EXISTS = "ImageAlreadyExistsException";
  static final String IMAGE_TAG_EXISTS = "ImageTagAlreadyExistsException";
  static final String DIGEST_MISMATCH = "ImageDigestDoesNotMatchException";
  static final String INVALID_PARAMETER = "InvalidParameterException";

  // BatchGetImage failure codes and reasons.
  static final String FAILURE_NOT_FOUND = "ImageNotFound";
  static final String FAILURE_NOT_FOUND_REASON = "Requested image not found";
  static final String FAILURE_MISSING_ID = "MissingDigestAndTag";
  static final String FAILURE_MISSING_ID_REASON = "Invalid request parameters: image tag and digest cannot both be null";
  static final String FAILURE_TAG_DIGEST = "ImageTagDoesNotMatchDigest";
  static final String FAILURE_TAG_DIGEST_REASON = "Invalid request parameters: image tag and digest do not match";

  static final String INVALID_MANIFEST =
      "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'";
  static final String NO_MEDIA_TYPE = "image manifest mediatype not provided in manifest or parameter";
  static final String INVALID_TOKEN = "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid token'";

  static String repositoryNotFound(String name, String registryId) {
    return "The repository with name '" + name + "' does not exist in the registry with id '" + registryId + "'";
  }

  static String repositoryExists(String name, String registryId) {
    return "The repository with name '" + name + "' already exists in the registry with id '" + registryId + "'";
  }

  static String repositoryNotEmpty(String name, String registryId) {
    return "The repository with name '" + name + "' in registry with id '" + registryId
        + "' cannot be deleted because it still contains images";
  }

  static String imageNotFound(String digest, String tag, String name, String registryId) {
    return "The image with imageId {imageDigest:'" + digest + "', imageTag:'" + tag
        + "'} does not exist within the repository with name '" + name + "' in the registry with id '"
        + registryId + "'";
  }

  static String imageExists(String digest, String tag, String name, String registryId) {
    return "Image with digest '" + digest + "' and tag '" + tag + "' already exists in the repository with name '"
        + name + "' in registry with id '" + registryId + "'";
  }

  static String tagImmutable(String tag, String name) {
    return "The image tag '" + tag + "' already exists in the '" + name
        + "' repository and cannot be overwritten because the repository is immutable.";
  }

  static String digestMismatch(String given, String actual) {
    return "The provided image digest '" + given + "' does not match the digest '" + actual
        + "' computed from the image manifest.";
  }

  static String mediaTypeMismatch(String given, String inManifest) {
    return "Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: '" + given
        + "' does not match the manifest's mediaType '" + inManifest + "'";
  }
}
