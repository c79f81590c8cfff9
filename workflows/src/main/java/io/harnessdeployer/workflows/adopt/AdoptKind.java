package io.harnessdeployer.workflows.adopt;

/** The kinds of resource adopt can take over; {@link #label()} is the kind the resource graph names. */
public enum AdoptKind {
  SECRET("secret"),
  IAM_ROLE("iam-role"),
  ECS_CLUSTER("ecs-cluster"),
  LOG_GROUP("log-group"),
  ECS_SERVICE("ecs-service"),
  API_KEY_PROVIDER("api-key-provider"),
  HARNESS("harness");

  private final String label;

  AdoptKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
