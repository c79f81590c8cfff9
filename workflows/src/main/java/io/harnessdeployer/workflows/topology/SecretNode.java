package io.harnessdeployer.workflows.topology;

import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Done;
import io.harnessdeployer.workflows.graph.Ensured;
import io.harnessdeployer.workflows.graph.NotRecallable;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.graph.Step;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.OwnershipClaim;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.SecretDelete;
import io.harnessdeployer.workflows.steps.SecretMode;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.SecretSpec;
import io.harnessdeployer.workflows.steps.SecretsActivities;
import java.util.Map;

/** The managed Zscaler credentials secret (spec §6); a bring-your-own one is only read. */
final class SecretNode {
  private final Settings s;

  SecretNode(Settings s) {
    this.s = s;
  }

  String title() {
    if (s.destroying()) {
      return "Secret " + s.names().secret();
    }
    return switch (s.deploy().secretMode()) {
      case MANAGED -> "Secret " + s.names().secret();
      case BRING_YOUR_OWN -> "Secret " + s.byoSecretId() + " (bring your own)";
      case PLAINTEXT -> "Secret: none (plaintext opt-out)";
    };
  }

  /** The secret the ensure adopts or creates: ours by tag, or the operator's own (never written). */
  OwnershipClaim claim() {
    if (s.destroying()) {
      return null;
    }
    return switch (s.deploy().secretMode()) {
      case MANAGED -> new OwnershipClaim(ResourceKind.SECRET, s.names().secret());
      case BRING_YOUR_OWN -> new OwnershipClaim(ResourceKind.BYO_SECRET, s.byoSecretId());
      case PLAINTEXT -> null;
    };
  }

  Ensured ensure(Step step) {
    SecretMode mode = s.deploy().secretMode();
    if (mode == SecretMode.PLAINTEXT) {
      return Ensured.skipped("plaintext: credentials go into the container env");
    }
    boolean byo = mode == SecretMode.BRING_YOUR_OWN;
    String id = byo ? s.byoSecretId() : s.names().secret();
    SecretRef ref = step.aws(SecretsActivities.class, "ensure secret " + id)
        .ensureSecret(new SecretSpec(s.scope(), mode, id, byo ? null : s.deploy().credentials()));
    return Ensured.of(ref, ref.arn(), ref.outcome());
  }

  /**
   * Present and not scheduled for deletion; the managed one under its name with our tags, its
   * AWSCURRENT version the one a deploy recorded (a value put by hand shows as another version id,
   * never as a value). Its ARN and keys are facts the describe shows, not desired state.
   * Plaintext uses no secret: nothing is desired.
   */
  Map<String, Object> desired(Step step) {
    return switch (s.deploy().secretMode()) {
      case MANAGED -> DesiredState.of(s.scope(), null, Map.of("name", s.names().secret(), "deleted", false,
          "currentVersion", Names.SECRET_VERSION_DEPLOYED));
      case BRING_YOUR_OWN -> DesiredState.untagged(Map.of("deleted", false));
      case PLAINTEXT -> Map.of();
    };
  }

  /** The {@link SecretRef} its ensure returns, from the describe: name, ARN and key names (never values). */
  SecretRef recall(Step step) {
    Observed self = step.observed(step.id());
    String arn = Recalls.string(self, "arn");
    if (arn == null || !(self.properties().get("keys") instanceof java.util.List<?> keys)) {
      throw new NotRecallable(arn == null ? "shows no ARN" : "shows no key names (its value could not be read)");
    }
    String name = Recalls.string(self, "name");
    return new SecretRef(name == null ? s.names().secret() : name, arn,
        keys.stream().map(String::valueOf).toList(), null, s.deploy().secretMode() == SecretMode.BRING_YOUR_OWN);
  }

  Observed describe(Step step) {
    String id = s.deploy().secretMode() == SecretMode.BRING_YOUR_OWN ? s.byoSecretId() : s.names().secret();
    return step.aws(SecretsActivities.class, "describe secret " + id).describeSecret(new Lookup(s.scope(), id));
  }

  Done delete(Step step) {
    String name = s.names().secret();
    if (name.equals(s.byoSecretId())) {
      return Done.notOurs("bring-your-own secret: never written or deleted");
    }
    boolean force = s.forceSecretDelete();
    String what = (force ? "delete without recovery " : "schedule deletion of ") + "secret " + name;
    return Done.of(step.delete(SecretsActivities.class, what)
        .deleteSecret(new SecretDelete(s.scope(), step.mode(), name, force)));
  }
}
