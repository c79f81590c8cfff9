package io.harnessdeployer.workflows.steps;

/**
 * @param status the Harness status enum value, or GONE (not found)
 * @param failureReason as AWS reported it (the seed never printed it)
 */
public record HarnessStatus(String harnessId, String status, String failureReason) {}
