package io.harnessdeployer.workflows.steps;

import java.util.List;

/** Input of {@link OwnershipActivities#checkOwnership}: every resource the deploy will ensure. */
public record OwnershipCheck(Scope scope, List<OwnershipClaim> claims) {}
