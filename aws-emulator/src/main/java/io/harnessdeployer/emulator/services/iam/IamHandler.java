package io.harnessdeployer.emulator.services.iam;

import static io.harnessdeployer.emulator.services.iam.IamConstants.*;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.common.Contexts;
import io.harnessdeployer.emulator.services.common.KeyValueTags;
import io.harnessdeployer.emulator.services.common.Output;
import io.harnessdeployer.emulator.services.common.Page;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.RandomIds;
import io.harnessdeployer.emulator.services.iam.PolicyDocuments.Kind;
import io.harnessdeployer.emulator.services.common.StoreHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** IAM roles, their inline and managed policies, and tags. Global: one store per account. */
public final class IamHandler extends StoreHandler<IamState> {

  public IamHandler() {
    super(SERVICE, AccountRegionStore.global(IamState::new));
    on("CreateRole", this::createRole);
    on("GetRole", this::getRole);
    on("ListRoles", this::listRoles);
    on("DeleteRole", this::deleteRole);
    on("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy);
    on("PutRolePolicy", this::putRolePolicy);
    on("GetRolePolicy", this::getRolePolicy);
    on("DeleteRolePolicy", this::deleteRolePolicy);
    on("ListRolePolicies", this::listRolePolicies);
    on("AttachRolePolicy", this::attachRolePolicy);
    on("DetachRolePolicy", this::detachRolePolicy);
    on("ListAttachedRolePolicies", this::listAttachedRolePolicies);
    on("TagRole", this::tagRole);
    on("UntagRole", this::untagRole);
    on("ListRoleTags", this::listRoleTags);
  }

  @Override
  public synchronized List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (IamState s : store.all()) {
      for (Role r : s.roles()) {
        out.add(new ResourceView(SERVICE, RESOURCE_TYPE_ROLE, r.name, r.arn, STATUS_ACTIVE, Map.copyOf(r.tags)));
      }
    }
    return out;
  }

  /** For {@link io.harnessdeployer.emulator.runtime.CloudLookup}: when the role was created. */
  public synchronized Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
    return store.of(Contexts.lookup(SERVICE, accountId, null)).roleByArn(roleArn).map(r -> r.createDate);
  }

  /** For STS AssumeRole: the role's id, trust policy and longest session. */
  public synchronized Optional<io.harnessdeployer.emulator.runtime.CloudLookup.RoleTrust> roleTrust(
      String accountId, String roleArn) {
    return store.of(Contexts.lookup(SERVICE, accountId, null)).roleByArn(roleArn).map(r ->
        new io.harnessdeployer.emulator.runtime.CloudLookup.RoleTrust(r.id, r.name, r.assumeRolePolicyDocument,
            r.maxSessionDuration));
  }

  // --- roles

  private synchronized Map<String, Object> createRole(RequestContext ctx, Map<String, Object> in) {
    IamState state = store.of(ctx);
    String name = Params.string(in, "RoleName");
    String trust = Params.string(in, "AssumeRolePolicyDocument");
    Map<String, String> tags = uniqueTags(Params.structures(in, "Tags"));
    String boundary = Params.string(in, "PermissionsBoundary");
    if (boundary != null && ManagedPolicies.find(boundary).isEmpty()) {
      throw AwsServiceError.of(INVALID_INPUT, boundaryNotAttachable(boundary));
    }
    PolicyDocuments.validate(trust, Kind.TRUST);
    if (state.role(name).isPresent()) throw AwsServiceError.of(ENTITY_ALREADY_EXISTS, roleExists(name));

    String path = Optional.ofNullable(Params.string(in, "Path")).orElse(DEFAULT_PATH);
    Integer maxSession = Params.integer(in, "MaxSessionDuration");
    Role role =
        new Role(
            name,
            path,
            ROLE_ID_PREFIX + RandomIds.of(RandomIds.UPPER_ALNUM, ROLE_ID_SUFFIX_LENGTH),
            ctx.globalArn(SERVICE, RESOURCE_TYPE_ROLE + path + name),
            ctx.now(),
            trust,
            Params.string(in, "Description"),
            maxSession == null ? DEFAULT_MAX_SESSION_DURATION : maxSession,
            boundary);
    role.tag(tags);
    state.put(role);
    return Output.of().put("Role", roleView(role, true)).build();
  }

  private synchronized Map<String, Object> getRole(RequestContext ctx, Map<String, Object> in) {
    Map<String, Object> view = roleView(role(ctx, in), true);
    view.put("RoleLastUsed", new LinkedHashMap<>());
    return Output.of().put("Role", view).build();
  }

  private synchronized Map<String, Object> listRoles(RequestContext ctx, Map<String, Object> in) {
    String prefix = Optional.ofNullable(Params.string(in, "PathPrefix")).orElse(DEFAULT_PATH);
    List<Role> matching = store.of(ctx).roles().stream().filter(r -> r.path.startsWith(prefix)).toList();
    Page<Role> page = page(matching, in);
    List<Object> roles = new ArrayList<>();
    page.items().forEach(r -> roles.add(roleView(r, false)));
    return paged(page).put("Roles", roles).build();
  }

  private synchronized Map<String, Object> deleteRole(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    if (!role.attachedPolicyArns.isEmpty()) throw AwsServiceError.of(DELETE_CONFLICT, MUST_DETACH_POLICIES);
    if (!role.inlinePolicies.isEmpty()) throw AwsServiceError.of(DELETE_CONFLICT, MUST_DELETE_POLICIES);
    store.of(ctx).remove(role);
    return Output.empty();
  }

  private synchronized Map<String, Object> updateAssumeRolePolicy(
      RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String document = Params.string(in, "PolicyDocument");
    PolicyDocuments.validate(document, Kind.TRUST);
    role.assumeRolePolicyDocument = document;
    return Output.empty();
  }

  // --- inline policies

  private synchronized Map<String, Object> putRolePolicy(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String document = Params.string(in, "PolicyDocument");
    PolicyDocuments.validate(document, Kind.IDENTITY);
    role.inlinePolicies.put(Params.string(in, "PolicyName"), document);
    return Output.empty();
  }

  private synchronized Map<String, Object> getRolePolicy(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String policyName = Params.string(in, "PolicyName");
    String document = role.inlinePolicies.get(policyName);
    if (document == null) throw AwsServiceError.of(NO_SUCH_ENTITY, rolePolicyNotFound(policyName));
    return Output.of()
        .put("RoleName", role.name)
        .put("PolicyName", policyName)
        .put("PolicyDocument", PolicyDocuments.urlEncode(document))
        .build();
  }

  private synchronized Map<String, Object> deleteRolePolicy(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String policyName = Params.string(in, "PolicyName");
    if (role.inlinePolicies.remove(policyName) == null) {
      throw AwsServiceError.of(NO_SUCH_ENTITY, rolePolicyNotFound(policyName));
    }
    return Output.empty();
  }

  private synchronized Map<String, Object> listRolePolicies(RequestContext ctx, Map<String, Object> in) {
    Page<String> page = page(new ArrayList<>(role(ctx, in).inlinePolicies.keySet()), in);
    return paged(page).put("PolicyNames", new ArrayList<Object>(page.items())).build();
  }

  // --- managed policies

  private synchronized Map<String, Object> attachRolePolicy(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String arn = Params.string(in, "PolicyArn");
    if (ManagedPolicies.find(arn).isEmpty()) throw AwsServiceError.of(NO_SUCH_ENTITY, policyNotAttachable(arn));
    role.attachedPolicyArns.add(arn);
    return Output.empty();
  }

  private synchronized Map<String, Object> detachRolePolicy(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String arn = Params.string(in, "PolicyArn");
    if (!role.attachedPolicyArns.remove(arn)) throw AwsServiceError.of(NO_SUCH_ENTITY, policyNotAttached(arn));
    return Output.empty();
  }

  private synchronized Map<String, Object> listAttachedRolePolicies(
      RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    String prefix = Optional.ofNullable(Params.string(in, "PathPrefix")).orElse(DEFAULT_PATH);
    List<ManagedPolicies.Policy> attached =
        role.attachedPolicyArns.stream()
            .map(arn -> ManagedPolicies.find(arn).orElseThrow())
            .filter(p -> p.path().startsWith(prefix))
            .toList();
    Page<ManagedPolicies.Policy> page = page(attached, in);
    List<Object> out = new ArrayList<>();
    page.items()
        .forEach(p -> out.add(Output.of().put("PolicyName", p.name()).put("PolicyArn", p.arn()).build()));
    return paged(page).put("AttachedPolicies", out).build();
  }

  // --- tags

  private synchronized Map<String, Object> tagRole(RequestContext ctx, Map<String, Object> in) {
    Role role = role(ctx, in);
    Map<String, String> tags = uniqueTags(Params.structures(in, "Tags"));
    Set<String> keys = new HashSet<>();
    role.tags.keySet().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
    tags.keySet().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
    if (keys.size() > MAX_TAGS_PER_ROLE) throw AwsServiceError.of(LIMIT_EXCEEDED, TOO_MANY_TAGS);
    role.tag(tags);
    return Output.empty();
  }

  private synchronized Map<String, Object> untagRole(RequestContext ctx, Map<String, Object> in) {
    role(ctx, in).untag(new LinkedHashSet<>(Params.strings(in, "TagKeys")));
    return Output.empty();
  }

  private synchronized Map<String, Object> listRoleTags(RequestContext ctx, Map<String, Object> in) {
    List<Map.Entry<String, String>> tags = new ArrayList<>(role(ctx, in).tags.entrySet());
    Page<Map.Entry<String, String>> page = page(tags, in);
    Map<String, String> pageTags = new LinkedHashMap<>();
    page.items().forEach(e -> pageTags.put(e.getKey(), e.getValue()));
    return paged(page).put("Tags", KeyValueTags.toList(pageTags)).build();
  }

  // --- helpers

  private Role role(RequestContext ctx, Map<String, Object> in) {
    String name = Params.string(in, "RoleName");
    return store.of(ctx).role(name).orElseThrow(() -> AwsServiceError.of(NO_SUCH_ENTITY, roleNotFound(name)));
  }

  private static Map<String, String> uniqueTags(List<Map<String, Object>> tags) {
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> t : tags) {
      if (!seen.add(String.valueOf(t.get(KeyValueTags.KEY)).toLowerCase(Locale.ROOT))) {
        throw AwsServiceError.of(INVALID_INPUT, DUPLICATE_TAG_KEYS);
      }
    }
    return KeyValueTags.fromList(tags);
  }

  /** GetRole and CreateRole show everything; ListRoles leaves out tags and the boundary. */
  private static Map<String, Object> roleView(Role r, boolean full) {
    Output out =
        Output.of()
            .put("Path", r.path)
            .put("RoleName", r.name)
            .put("RoleId", r.id)
            .put("Arn", r.arn)
            .put("CreateDate", r.createDate.truncatedTo(ChronoUnit.SECONDS))
            .put("AssumeRolePolicyDocument", PolicyDocuments.urlEncode(r.assumeRolePolicyDocument))
            .put("Description", r.description)
            .put("MaxSessionDuration", r.maxSessionDuration);
    if (full && r.permissionsBoundaryArn != null) {
      out.put(
          "PermissionsBoundary",
          Output.of()
              .put("PermissionsBoundaryType", PERMISSIONS_BOUNDARY_TYPE)
              .put("PermissionsBoundaryArn", r.permissionsBoundaryArn)
              .build());
    }
    if (full && !r.tags.isEmpty()) out.put("Tags", KeyValueTags.toList(r.tags));
    return out.build();
  }

  private static <T> Page<T> page(List<T> items, Map<String, Object> in) {
    Integer max = Params.integer(in, "MaxItems");
    return Page.of(
        items,
        Params.string(in, "Marker"),
        max == null ? DEFAULT_MAX_ITEMS : max,
        () -> AwsServiceError.of(INVALID_INPUT, INVALID_MARKER));
  }

  private static Output paged(Page<?> page) {
    return Output.of().put("IsTruncated", page.truncated()).put("Marker", page.nextToken());
  }
}
