package io.harnessdeployer.workflows.steps;

/**
 * What the preflight ownership check found when nothing conflicts.
 *
 * @param checked how many resources it looked up
 * @param live how many of them exist already (this deployment's, or adoptable untagged ones)
 */
public record OwnershipReport(int checked, int live) {}
