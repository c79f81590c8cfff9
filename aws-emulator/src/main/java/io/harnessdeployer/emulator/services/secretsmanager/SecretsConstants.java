package io.harnessdeployer.emulator.services.secretsmanager;

import java.time.Duration;

/** Secrets Manager names, limits and the wording the real service uses in its errors. */
final class SecretsConstants {
  private SecretsConstants() {}

  static final String SERVICE = "secretsmanager";
  static final String RESOURCE_TYPE = "secret";
  static final String STATUS_ACTIVE = "ACTIVE";
  static final String STATUS_SCHEDULED_FOR_DELETION = "SCHEDULED_FOR_DELETION";

  static final String AWSCURRENT = "AWSCURRENT";
  static final String AWSPREVIOUS = "AWSPREVIOUS";
  static final int ARN_SUFFIX_LENGTH = 6;
  static final long MIN_RECOVERY_DAYS = 7;
  static final long MAX_RECOVERY_DAYS = 30;
  static final long DEFAULT_RECOVERY_DAYS = 30;
  static final int DEFAULT_MAX_RESULTS = 100;
  static final Duration DAY = Duration.ofDays(1);

  // Error shapes.
  static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
  static final String RESOURCE_EXISTS = "ResourceExistsException";
  static final String INVALID_REQUEST = "InvalidRequestException";
  static final String INVALID_PARAMETER = "InvalidParameterException";
  static final String INVALID_NEXT_TOKEN = "InvalidNextTokenException";

  static final String SECRET_NOT_FOUND = "Secrets Manager can't find the specified secret.";
  static final String MARKED_FOR_DELETION =
      "You can't perform this operation on the secret because it was marked for deletion.";
  static final String SCHEDULED_FOR_DELETION =
      "You can't create this secret because a secret with this name is already scheduled for deletion.";
  static final String BOTH_DELETE_OPTIONS =
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.";
  static final String RECOVERY_WINDOW_RANGE =
      "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).";
  static final String BOTH_VALUES =
      "You can't specify both a binary secret value and a string secret value in the same secret.";
  static final String NO_VALUE = "You must provide either SecretString or SecretBinary.";
  static final String STAGE_VERSION_MISMATCH =
      "You provided a VersionStage that is not associated to the provided VersionId.";
  static final String REPLICATION_UNSUPPORTED = "The emulator does not replicate secrets to other Regions.";
  static final String INVALID_TOKEN = "The NextToken value is invalid.";

  static String alreadyExists(String name) {
    return "The operation failed because the secret " + name + " already exists.";
  }

  static String tokenInUse(String token, String arn) {
    return "You can't use ClientRequestToken " + token
        + " because that value is already in use for a version of secret " + arn + ".";
  }

  static String noValueFor(String kind, String value) {
    return "Secrets Manager can't find the specified secret value for " + kind + ": " + value;
  }
}
