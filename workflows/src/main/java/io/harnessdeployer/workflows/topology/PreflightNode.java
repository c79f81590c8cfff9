package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.AccountCheck;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.EcrActivities;
import io.harnessdeployer.workflows.steps.ImageCheck;
import io.harnessdeployer.workflows.steps.StsActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;

/** Who we are (every policy ARN needs the account) and, for ECS, the image's architecture. */
final class PreflightNode {
  private final Settings s;

  PreflightNode(Settings s) {
    this.s = s;
  }

  Ensured ensure(Step step) {
    CallerIdentity identity = step.aws(StsActivities.class, "STS GetCallerIdentity").callerIdentity(s.scope());
    if (s.deploy().expectedAccount() != null && AccountCheck.enabled()) {
      AccountCheck.verify(s.deploy().expectedAccount(), s.deploy().assumeRole(), identity);
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
