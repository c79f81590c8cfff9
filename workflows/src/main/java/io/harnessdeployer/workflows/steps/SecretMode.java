package io.harnessdeployer.workflows.steps;

/** How the Zscaler credentials reach the container (spec §6.2). */
public enum SecretMode {
  /** We create (or restore, or adopt) the secret and project its keys with ECS {@code secrets[]}. */
  MANAGED,
  /** The operator's secret: read for its keys, never written, never deleted. */
  BRING_YOUR_OWN,
  /** No secret: the credentials go into the container env in plaintext (operator's explicit choice). */
  PLAINTEXT
}
