package io.harnessdeployer.activities.iam;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.common.Policies;
import io.harnessdeployer.workflows.common.RoleDesign;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.GatewayRoleSpec;
import io.harnessdeployer.workflows.steps.HarnessRoleSpec;
import io.harnessdeployer.workflows.steps.IamActivities;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.RoleSpec;
import io.harnessdeployer.workflows.steps.RuntimeRoleSpec;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.TaskExecutionRoleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM roles, idempotent by name (see {@link IamActivities}). Policies are compared with what is
 * live and written only when they differ, so a rerun reports ADOPTED; nothing here sleeps for
 * propagation (the workflow waits after CREATED, and a dependent step retries IamPropagation).
 */
public final class IamActivitiesImpl implements IamActivities {
  private static final Logger log = LoggerFactory.getLogger(IamActivitiesImpl.class);

  private final IamClient iam;

  public IamActivitiesImpl(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public ResourceRef ensureTaskExecutionRole(TaskExecutionRoleSpec spec) {
    return ensure(spec.scope(), ResourceKind.TASK_EXECUTION_ROLE, spec.roleName(), RoleDesign.taskExecution(spec));
  }

  @Override
  public ResourceRef ensureInfrastructureRole(RoleSpec spec) {
    return ensure(spec.scope(), ResourceKind.INFRASTRUCTURE_ROLE, spec.roleName(), RoleDesign.infrastructure(spec));
  }

  @Override
  public ResourceRef ensureHarnessRole(HarnessRoleSpec spec) {
    return ensure(spec.scope(), ResourceKind.HARNESS_ROLE, spec.roleName(), RoleDesign.harness(spec));
  }

  @Override
  public ResourceRef ensureRuntimeRole(RuntimeRoleSpec spec) {
    return ensure(spec.scope(), ResourceKind.RUNTIME_ROLE, spec.roleName(), RoleDesign.runtime(spec),
        spec.scope().gatewayTags(), true);
  }

  @Override
  public ResourceRef ensureGatewayRole(GatewayRoleSpec spec) {
    return ensure(spec.scope(), ResourceKind.GATEWAY_ROLE, spec.roleName(), RoleDesign.gateway(spec),
        spec.scope().gatewayTags(), true);
  }

  @Override
  public Observed describeRole(Lookup input) {
    String name = input.id();
    try {
      Optional<Role> role = getRole(name);
      if (role.isEmpty()) {
        return Observed.missing();
      }
      Map<String, Object> inline = new TreeMap<>();
      for (String policy : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
        inlinePolicy(name, policy).ifPresent(doc -> inline.put(policy, Policies.tree(doc)));
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("arn", role.get().arn()); // shown, not compared: what dependants read
      properties.put("trustPolicy", Policies.tree(role.get().assumeRolePolicyDocument()));
      properties.put("inlinePolicies", inline);
      properties.put("managedPolicies", attachedPolicies(name).stream().sorted().toList());
      return new Observed(true, null, tags(role.get()), properties);
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "NoSuchEntity", "NoSuchEntityException")) {
        return Observed.missing(); // deleted between the calls
      }
      throw AwsFailures.classify("IAM describe role " + name, e);
    }
  }

  @Override
  public DeleteResult deleteRole(ResourceDelete input) {
    String name = input.id();
    try {
      Optional<Role> role = getRole(name);
      if (role.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "role not found");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(role.get()))) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      for (String arn : attachedPolicies(name)) {
        ignoreMissing(() -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(arn)));
      }
      for (String policy : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
        ignoreMissing(() -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy)));
      }
      iam.deleteRole(r -> r.roleName(name));
      return new DeleteResult(name, DeleteOutcome.DELETED, "role and its policies deleted");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "role not found");
      }
      throw AwsFailures.classify("IAM delete role " + name, e);
    }
  }

  /** The tags of the role of that name; empty if there is none. GetRole carries them. */
  public Optional<Map<String, String>> liveTags(String name) {
    return getRole(name).map(this::tags);
  }

  private ResourceRef ensure(Scope scope, ResourceKind kind, String name, RoleDesign design) {
    return ensure(scope, kind, name, design, scope.tags(), false);
  }

  /** @param reapplyTrust the gateway roles' reuse path re-applies the trust policy (spec §5.4, §5.5) */
  private ResourceRef ensure(Scope scope, ResourceKind kind, String name, RoleDesign design,
      Map<String, String> createTags, boolean reapplyTrust) {
    try {
      Optional<Role> existing = getRole(name);
      Optional<Role> created = existing.isPresent() ? Optional.empty() : create(createTags, name, design);
      Role role = existing.or(() -> created).orElseGet(() -> getRole(name).orElseThrow());
      if (created.isEmpty()) {
        // a role of another deployment (global: maybe another region's) keeps its policies
        Ownership.require(scope, kind, name, tags(role));
      }
      // a role this call created has no policies yet: write them without reading them first
      boolean changed = created.isPresent() ? writePolicies(name, design) : applyPolicies(name, design);
      if (created.isEmpty() && reapplyTrust && !Policies.same(role.assumeRolePolicyDocument(),
          Policies.trust(design.principal()))) {
        iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(Policies.trust(design.principal())));
        changed = true;
      }
      Outcome outcome = created.isPresent()
          ? Outcome.CREATED
          : Ownership.existing(scope, tags(role), changed);
      log.info("IAM role {}: {}", name, outcome);
      return new ResourceRef(name, role.arn(), outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("IAM ensure role " + name, e);
    }
  }

  /** CreateRole; empty when another attempt created it meanwhile (its tags then decide). */
  private Optional<Role> create(Map<String, String> createTags, String name, RoleDesign design) {
    List<Tag> tags = createTags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
        .toList();
    try {
      return Optional.of(iam.createRole(r -> r.roleName(name)
          .assumeRolePolicyDocument(Policies.trust(design.principal()))
          .description(design.description())
          .tags(tags)).role());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "EntityAlreadyExists")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Attaches and puts every policy of the design on a role that has none; true. */
  private boolean writePolicies(String name, RoleDesign design) {
    for (String arn : design.managedPolicies()) {
      iam.attachRolePolicy(r -> r.roleName(name).policyArn(arn));
    }
    design.inline().forEach((policy, document) -> {
      if (document != null) {
        iam.putRolePolicy(r -> r.roleName(name).policyName(policy).policyDocument(document));
      }
    });
    return true;
  }

  /** Brings managed and inline policies to the design; true if anything was written. */
  private boolean applyPolicies(String name, RoleDesign design) {
    boolean changed = false;
    Set<String> attached = attachedPolicies(name);
    for (String arn : design.managedPolicies()) {
      if (!attached.contains(arn)) {
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(arn));
        changed = true;
      }
    }
    for (Map.Entry<String, String> policy : design.inline().entrySet()) {
      Optional<String> live = inlinePolicy(name, policy.getKey());
      if (policy.getValue() == null) {
        if (live.isPresent()) {
          ignoreMissing(() -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy.getKey())));
          changed = true;
        }
      } else if (live.isEmpty() || !Policies.same(live.get(), policy.getValue())) {
        iam.putRolePolicy(r -> r.roleName(name).policyName(policy.getKey())
            .policyDocument(policy.getValue()));
        changed = true;
      }
    }
    return changed;
  }

  private Optional<Role> getRole(String name) {
    try {
      return Optional.of(iam.getRole(r -> r.roleName(name)).role());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "NoSuchEntity", "NoSuchEntityException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<String> inlinePolicy(String role, String policy) {
    try {
      return Optional.of(iam.getRolePolicy(r -> r.roleName(role).policyName(policy)).policyDocument());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "NoSuchEntity", "NoSuchEntityException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Set<String> attachedPolicies(String role) {
    return iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** GetRole carries the tags; ListRoleTags is the fallback where it does not. */
  private Map<String, String> tags(Role role) {
    List<Tag> tags = role.hasTags()
        ? role.tags()
        : iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags().stream().toList();
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static void ignoreMissing(Runnable call) {
    try {
      call.run();
    } catch (SdkException e) {
      if (!AwsFailures.hasCode(e, "NoSuchEntity", "NoSuchEntityException")) {
        throw e;
      }
    }
  }
}
