package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.error.AwsServiceError;

/** Every error ECS raises here, with the text real ECS uses, in one place. */
final class EcsMessages {
  private EcsMessages() {}

  static AwsServiceError clusterNotFound() {
    return AwsServiceError.of("ClusterNotFoundException", "Cluster not found.");
  }

  static AwsServiceError clusterInactive() {
    return AwsServiceError.of("ClusterNotFoundException", "The referenced cluster was inactive.");
  }

  static AwsServiceError clusterContainsServices() {
    return AwsServiceError.of(
        "ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
  }

  /** Raised for a role that does not exist yet or that IAM has not propagated to ECS. */
  static AwsServiceError roleNotAssumable(String roleArn) {
    return invalidParameter(
        "ECS was unable to assume the role '"
            + roleArn
            + "' that was provided for this service. Please verify that the role being passed has the"
            + " proper trust relationship and permissions and that your IAM user has permissions to"
            + " pass this role.");
  }

  static AwsServiceError serviceStillDraining() {
    return invalidParameter("Unable to Start a service that is still Draining.");
  }

  static AwsServiceError serviceNotIdempotent() {
    return invalidParameter("Creation of service was not idempotent.");
  }

  static AwsServiceError serviceNotFound() {
    return AwsServiceError.of("ServiceNotFoundException", "Service not found.");
  }

  static AwsServiceError serviceNotActive() {
    return AwsServiceError.of("ServiceNotActiveException", "Service was not ACTIVE.");
  }

  static AwsServiceError expressServiceNotFound(String arn) {
    return AwsServiceError.of("ResourceNotFoundException", "The specified service " + arn + " does not exist.");
  }

  static AwsServiceError resourceNotFound(String arn) {
    return AwsServiceError.of("ResourceNotFoundException", "The specified resource " + arn + " could not be found.");
  }

  static AwsServiceError invalidArn(String arn) {
    return invalidParameter("Invalid identifier: " + arn + " is not a valid ARN for this operation.");
  }

  static AwsServiceError unsupportedTaskDefinitionArn() {
    return AwsServiceError.of(
        "UnsupportedFeatureException",
        "This emulator does not support taskDefinitionArn on Express services; send primaryContainer.");
  }

  static AwsServiceError missingPrimaryContainer() {
    return invalidParameter("primaryContainer must be specified when taskDefinitionArn is not.");
  }

  static AwsServiceError taskDefinitionNotFound() {
    return AwsServiceError.of("ClientException", "Unable to describe task definition.");
  }

  static AwsServiceError revisionMissing() {
    return AwsServiceError.of("ClientException", "Revision is missing.");
  }

  static AwsServiceError tooManyTaskDefinitions() {
    return invalidParameter(
        "Size of TaskDefinition references list cannot exceed " + EcsDefaults.DELETE_TASK_DEFINITIONS_MAX);
  }

  static AwsServiceError noTaskDefinitions() {
    return invalidParameter("size of TaskDefinition references list must be greater than 0");
  }

  static AwsServiceError maxResults(int max) {
    return invalidParameter("maxResults must be between 1 and " + max + ".");
  }

  static AwsServiceError badNextToken() {
    return invalidParameter("Invalid nextToken.");
  }

  static AwsServiceError invalidParameter(String message) {
    return AwsServiceError.of("InvalidParameterException", message);
  }

  // Reasons in DeleteTaskDefinitions failures[]
  static final String TD_STILL_ACTIVE =
      "The specified task definition is still in ACTIVE status. Please deregister the target and try again.";
  static final String TD_DOES_NOT_EXIST =
      "The specified task definition does not exist. Specify a valid account, family, revision and try again.";
  static final String TD_INVALID_ID =
      "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.";
  static final String MISSING = "MISSING";
}
