package io.harnessdeployer.workflows.common;

/**
 * {@code ApplicationFailure} types activities throw. Activities classify AWS errors into these (and
 * nothing else), so retry options can name them and the workflow can report them.
 */
public final class FailureTypes {
  private FailureTypes() {}

  // ---- retryable: Temporal backs off and tries again ----
  /** Throttling, TooManyRequests, RequestLimitExceeded. */
  public static final String THROTTLING = "Throttling";
  /** 5xx, ServiceUnavailable, InternalFailure, network and client timeouts. */
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
  /** A just-created role or policy is not yet visible to the calling service. */
  public static final String IAM_PROPAGATION = "IamPropagation";
  /** A resource is in a transitional state (cluster PROVISIONING, service DRAINING, in use). */
  public static final String RESOURCE_BUSY = "ResourceBusy";

  // ---- non-retryable: the step fails and the deploy's onFailure decides ----
  public static final String ACCESS_DENIED = "AccessDenied";
  /** Bad input: the request or a derived AWS call is invalid. */
  public static final String VALIDATION = "Validation";
  public static final String QUOTA_EXCEEDED = "QuotaExceeded";
  /** A resource exists that we may not adopt (e.g. owned by another deployment). */
  public static final String CONFLICT = "Conflict";
  /** Something that must exist does not (e.g. a bring-your-own secret). Deletes never throw it. */
  public static final String NOT_FOUND = "NotFound";
  /** A resource reached a failed state (service INACTIVE, harness CREATE_FAILED, /health not 200). */
  public static final String UNHEALTHY = "Unhealthy";
  /** A wait passed its deadline. */
  public static final String TIMEOUT = "Timeout";
  /** A sealed value could not be opened (wrong key on the worker). */
  public static final String UNSEALING = "Unsealing";
  /** The region or API does not offer what we need (Harness preview regions). */
  public static final String UNSUPPORTED = "Unsupported";
  /** The worker's AWS identity is in another account than the one the deployment expects. */
  public static final String ACCOUNT_MISMATCH = "AccountMismatch";

  // ---- how a deploy ends when it does not succeed (workflow failures) ----
  public static final String ROLLED_BACK = "RolledBack";
  public static final String ROLLBACK_INCOMPLETE = "RollbackIncomplete";
  public static final String ABANDONED = "Abandoned";

  /** Never retried by Temporal: {@link StepOptions} lists them in {@code setDoNotRetry}. */
  public static final String[] NON_RETRYABLE = {
    ACCESS_DENIED, VALIDATION, QUOTA_EXCEEDED, CONFLICT, NOT_FOUND, UNHEALTHY, TIMEOUT, UNSEALING,
    UNSUPPORTED, ACCOUNT_MISMATCH
  };
}
