package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.AccountCheck;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.EcrActivities;
import io.harnessdeployer.workflows.steps.ImageCheck;
import io.harnessdeployer.workflows.steps.StsActivities;
import io.harnessdeployer.workflows.steps.OwnershipActivities;
import io.harnessdeployer.workflows.steps.OwnershipCheck;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who we are (every policy ARN needs the account), whether every resource the graph claims may be
 * ours (before the first write, so a conflict costs nothing), whether the deployment already runs
 * the other topology, and the image: its architecture for ECS (advisory), its region for the
 * gateway topology (fatal: a Runtime cannot pull from another region's ECR, spec §9.2).
 */
final class PreflightNode {
  static final String OWNERSHIP_CHANGE = "ownership-preflight";

  private final Settings s;
  private final Supplier<List<OwnershipClaim>> claims;

  PreflightNode(Settings s, Supplier<List<OwnershipClaim>> claims) {
    this.s = s;
    this.claims = claims;
  }

  /** Drift and plan: who we are, read-only, in the expected account (no ownership or image check). */
  CallerIdentity recall(Step step) {
    CallerIdentity identity = step.aws(StsActivities.class, "STS GetCallerIdentity").callerIdentity(s.scope());
    AccountCheck.verify(s.deploy().expectedAccount(), s.deploy().assumeRole(), identity);
    return identity;
  }

  Ensured ensure(Step step) {
    if (s.topology() == Topology.GATEWAY) {
      ImageRegion.requireSameRegion(s.deploy().imageUri(), s.scope().region());
    }
    CallerIdentity identity = step.aws(StsActivities.class, "STS GetCallerIdentity").callerIdentity(s.scope());
    if (s.deploy().expectedAccount() != null && AccountCheck.enabled()) {
      AccountCheck.verify(s.deploy().expectedAccount(), s.deploy().assumeRole(), identity);
    }
    if (Workflow.getVersion(OWNERSHIP_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      List<OwnershipClaim> claimed = new java.util.ArrayList<>(claims.get());
      if (s.topology() == Topology.GATEWAY) {
        // the domain's name ends with the account: claimed once who we are is known
        claimed.add(new OwnershipClaim(ResourceKind.USER_POOL_DOMAIN, s.names().gateway().domain(identity.account())));
      }
      step.aws(OwnershipActivities.class, "ownership of " + claimed.size() + " resources")
          .checkOwnership(new OwnershipCheck(s.scope(), claimed));
    }
    if (Workflow.getVersion(TopologyGuard.CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1) {
      TopologyGuard.check(step, s);
    }
    if (!s.ecsHost()) {
      return Ensured.checked(identity, "account " + identity.account());
    }
    String image = s.deploy().imageUri();
    String arch;
    try {
      arch = step.aws(EcrActivities.class, "image architecture of " + image)
          .checkImageArchitecture(new ImageCheck(s.scope(), image)).verdict().name();
    } catch (ActivityFailure e) {
      if (CancellationScope.current().isCancelRequested()) {
        throw e;
      }
      arch = "SKIPPED"; // advisory only (spec §9.1)
    }
    return Ensured.checked(identity, "account " + identity.account() + ", image " + arch);
  }
}
