package io.harnessdeployer.emulator.services.iam;

/** IAM names, defaults and the wording real IAM uses in its errors. */
final class IamConstants {
  private IamConstants() {}

  static final String SERVICE = "iam";
  static final String RESOURCE_TYPE_ROLE = "role";
  static final String STATUS_ACTIVE = "ACTIVE";

  static final String ROLE_ID_PREFIX = "AROA";
  static final int ROLE_ID_SUFFIX_LENGTH = 17;
  static final String DEFAULT_PATH = "/";
  static final int DEFAULT_MAX_SESSION_DURATION = 3600;
  static final int DEFAULT_MAX_ITEMS = 100;
  static final int MAX_TAGS_PER_ROLE = 50;
  static final String PERMISSIONS_BOUNDARY_TYPE = "PermissionsBoundaryPolicy";

  // Error shapes (the codec maps them to IAM's awsQueryError codes and statuses).
  static final String NO_SUCH_ENTITY = "NoSuchEntityException";
  static final String ENTITY_ALREADY_EXISTS = "EntityAlreadyExistsException";
  static final String DELETE_CONFLICT = "DeleteConflictException";
  static final String MALFORMED_POLICY = "MalformedPolicyDocumentException";
  static final String INVALID_INPUT = "InvalidInputException";
  static final String LIMIT_EXCEEDED = "LimitExceededException";

  static String roleNotFound(String name) {
    return "The role with name " + name + " cannot be found.";
  }

  static String roleExists(String name) {
    return "Role with name " + name + " already exists.";
  }

  static String rolePolicyNotFound(String policyName) {
    return "The role policy with name " + policyName + " cannot be found.";
  }

  static String policyNotAttachable(String arn) {
    return "Policy " + arn + " does not exist or is not attachable.";
  }

  static String policyNotAttached(String arn) {
    return "Policy " + arn + " was not found.";
  }

  static String boundaryNotAttachable(String arn) {
    return "Scope ARN: " + arn + " does not exist or is not attachable.";
  }

  static final String MUST_DETACH_POLICIES = "Cannot delete entity, must detach all policies first.";
  static final String MUST_DELETE_POLICIES = "Cannot delete entity, must delete policies first.";
  static final String DUPLICATE_TAG_KEYS =
      "Duplicate tag keys found. Please note that Tag keys are case insensitive.";
  static final String TOO_MANY_TAGS = "Cannot exceed quota for TagsPerRole: " + MAX_TAGS_PER_ROLE + ".";
  static final String INVALID_MARKER = "Invalid Marker.";
}
