package io.harnessdeployer.emulator.services.secretsmanager;

import static io.harnessdeployer.emulator.services.secretsmanager.SecretsConstants.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.common.Contexts;
import io.harnessdeployer.emulator.services.common.Json;
import io.harnessdeployer.emulator.services.common.KeyValueTags;
import io.harnessdeployer.emulator.services.common.Output;
import io.harnessdeployer.emulator.services.common.Page;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.RandomIds;
import io.harnessdeployer.emulator.services.common.StoreHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Secrets Manager: secrets with versions and staging labels, soft deletion with a recovery window on
 * the emulator clock, restore, listing and tags. Regional.
 */
public final class SecretsManagerHandler extends StoreHandler<SecretsState> {
  /** For work outside a request: the control API's resource list and {@link #secretJson}. */
  private final Clock clock;

  public SecretsManagerHandler(Clock clock) {
    super(SERVICE, AccountRegionStore.regional(SecretsState::new));
    this.clock = clock;
    on("CreateSecret", this::createSecret);
    on("DescribeSecret", this::describeSecret);
    on("GetSecretValue", this::getSecretValue);
    on("PutSecretValue", this::putSecretValue);
    on("DeleteSecret", this::deleteSecret);
    on("RestoreSecret", this::restoreSecret);
    on("ListSecrets", this::listSecrets);
    on("TagResource", this::tagResource);
    on("UntagResource", this::untagResource);
  }

  @Override
  public synchronized List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (SecretsState state : store.all()) {
      for (Secret s : state.all(clock.instant())) {
        String status = s.deleted() ? STATUS_SCHEDULED_FOR_DELETION : STATUS_ACTIVE;
        out.add(new ResourceView(SERVICE, RESOURCE_TYPE, s.name, s.arn, status, Map.copyOf(s.tags)));
      }
    }
    return out;
  }

  /**
   * For {@link io.harnessdeployer.emulator.runtime.CloudLookup}: the AWSCURRENT SecretString of a live
   * secret as a flat object (non-string values as their JSON text), or empty.
   */
  public synchronized Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
    return store.of(Contexts.lookup(SERVICE, accountId, region))
        .find(secretId, clock.instant())
        .filter(s -> !s.deleted())
        .flatMap(s -> s.byStage(AWSCURRENT))
        .flatMap(v -> Json.parse(v.string()))
        .filter(JsonNode::isObject)
        .map(SecretsManagerHandler::flatten);
  }

  // --- operations

  private synchronized Map<String, Object> createSecret(RequestContext ctx, Map<String, Object> in) {
    if (!Params.structures(in, "AddReplicaRegions").isEmpty()) {
      throw AwsServiceError.of(INVALID_REQUEST, REPLICATION_UNSUPPORTED);
    }
    String name = Params.string(in, "Name");
    String token = Params.string(in, "ClientRequestToken");
    String string = Params.string(in, "SecretString");
    byte[] binary = Params.bytes(in, "SecretBinary");
    if (string != null && binary != null) throw AwsServiceError.of(INVALID_PARAMETER, BOTH_VALUES);

    SecretsState state = store.of(ctx);
    Optional<Secret> existing = state.find(name, ctx.now());
    if (existing.isPresent()) {
      Secret s = existing.get();
      if (s.deleted()) throw AwsServiceError.of(INVALID_REQUEST, SCHEDULED_FOR_DELETION);
      Secret.Version same = token == null ? null : s.versions.get(token);
      if (same == null) throw AwsServiceError.of(RESOURCE_EXISTS, alreadyExists(name));
      if (!same.sameValue(string, binary)) throw AwsServiceError.of(RESOURCE_EXISTS, tokenInUse(token, s.arn));
      return Output.of().put("ARN", s.arn).put("Name", s.name).put("VersionId", same.id()).build();
    }

    String arn = ctx.arn(SERVICE, RESOURCE_TYPE + ":" + name + "-" + RandomIds.of(RandomIds.ALNUM, ARN_SUFFIX_LENGTH));
    Secret s = new Secret(name, arn, ctx.now(), Params.string(in, "Description"), Params.string(in, "KmsKeyId"));
    s.tags.putAll(KeyValueTags.fromList(Params.structures(in, "Tags")));
    String versionId = null;
    if (string != null || binary != null) {
      versionId = token != null ? token : UUID.randomUUID().toString();
      s.addVersion(versionId, string, binary, ctx.now(), List.of(AWSCURRENT));
    }
    state.put(s);
    return Output.of().put("ARN", s.arn).put("Name", s.name).put("VersionId", versionId).build();
  }

  private synchronized Map<String, Object> describeSecret(RequestContext ctx, Map<String, Object> in) {
    Secret s = secret(ctx, in);
    return Output.of()
        .put("ARN", s.arn)
        .put("Name", s.name)
        .put("Description", s.description)
        .put("KmsKeyId", s.kmsKeyId)
        .put("LastChangedDate", s.lastChanged)
        .put("LastAccessedDate", s.lastAccessed)
        .put("DeletedDate", s.deletedDate)
        .put("Tags", s.tags.isEmpty() ? null : KeyValueTags.toList(s.tags))
        .put("VersionIdsToStages", s.versionsToStages())
        .put("CreatedDate", s.created)
        .build();
  }

  private synchronized Map<String, Object> getSecretValue(RequestContext ctx, Map<String, Object> in) {
    Secret s = live(ctx, in);
    String versionId = Params.string(in, "VersionId");
    String stage = Params.string(in, "VersionStage");
    Secret.Version v;
    if (versionId != null) {
      v = s.versions.get(versionId);
      if (v == null) throw AwsServiceError.of(RESOURCE_NOT_FOUND, noValueFor("VersionId", versionId));
      if (stage != null && !v.stages().contains(stage)) throw AwsServiceError.of(INVALID_REQUEST, STAGE_VERSION_MISMATCH);
    } else {
      String wanted = stage != null ? stage : AWSCURRENT;
      v = s.byStage(wanted).orElseThrow(() -> AwsServiceError.of(RESOURCE_NOT_FOUND, noValueFor("staging label", wanted)));
    }
    s.lastAccessed = ctx.now().truncatedTo(ChronoUnit.DAYS);
    return Output.of()
        .put("ARN", s.arn)
        .put("Name", s.name)
        .put("VersionId", v.id())
        .put("SecretString", v.string())
        .put("SecretBinary", v.binary())
        .put("VersionStages", List.copyOf(v.stages()))
        .put("CreatedDate", v.created())
        .build();
  }

  private synchronized Map<String, Object> putSecretValue(RequestContext ctx, Map<String, Object> in) {
    Secret s = live(ctx, in);
    String string = Params.string(in, "SecretString");
    byte[] binary = Params.bytes(in, "SecretBinary");
    if (string != null && binary != null) throw AwsServiceError.of(INVALID_PARAMETER, BOTH_VALUES);
    if (string == null && binary == null) throw AwsServiceError.of(INVALID_PARAMETER, NO_VALUE);
    String token = Optional.ofNullable(Params.string(in, "ClientRequestToken")).orElseGet(() -> UUID.randomUUID().toString());
    Secret.Version same = s.versions.get(token);
    if (same != null) {
      if (!same.sameValue(string, binary)) throw AwsServiceError.of(RESOURCE_EXISTS, tokenInUse(token, s.arn));
      return versionOutput(s, same);
    }
    List<String> stages = new ArrayList<>(Params.strings(in, "VersionStages"));
    if (stages.isEmpty() || s.versions.isEmpty() && !stages.contains(AWSCURRENT)) stages.add(AWSCURRENT);
    s.addVersion(token, string, binary, ctx.now(), stages);
    return versionOutput(s, s.versions.get(token));
  }

  private synchronized Map<String, Object> deleteSecret(RequestContext ctx, Map<String, Object> in) {
    Long window = Params.longValue(in, "RecoveryWindowInDays");
    boolean force = Params.flag(in, "ForceDeleteWithoutRecovery");
    if (window != null && force) throw AwsServiceError.of(INVALID_PARAMETER, BOTH_DELETE_OPTIONS);
    if (window != null && (window < MIN_RECOVERY_DAYS || window > MAX_RECOVERY_DAYS)) {
      throw AwsServiceError.of(INVALID_PARAMETER, RECOVERY_WINDOW_RANGE);
    }
    Secret s = secret(ctx, in);
    Instant deletion;
    if (force) {
      store.of(ctx).remove(s);
      deletion = ctx.now();
    } else {
      if (s.deleted()) throw AwsServiceError.of(INVALID_REQUEST, MARKED_FOR_DELETION);
      s.deletedDate = ctx.now();
      s.deletionDate = ctx.now().plus(DAY.multipliedBy(window != null ? window : DEFAULT_RECOVERY_DAYS));
      deletion = s.deletionDate;
    }
    return Output.of().put("ARN", s.arn).put("Name", s.name).put("DeletionDate", deletion).build();
  }

  private synchronized Map<String, Object> restoreSecret(RequestContext ctx, Map<String, Object> in) {
    Secret s = secret(ctx, in);
    s.deletedDate = null;
    s.deletionDate = null;
    return Output.of().put("ARN", s.arn).put("Name", s.name).build();
  }

  private synchronized Map<String, Object> listSecrets(RequestContext ctx, Map<String, Object> in) {
    boolean includeDeleted = Params.flag(in, "IncludePlannedDeletion");
    List<SecretFilters.Filter> filters = SecretFilters.parse(Params.structures(in, "Filters"));
    List<Secret> matching =
        store.of(ctx).all(ctx.now()).stream()
            .filter(s -> includeDeleted || !s.deleted())
            .filter(s -> SecretFilters.matches(filters, s, ctx.region()))
            .sorted(order(Params.string(in, "SortBy"), Params.string(in, "SortOrder")))
            .toList();
    Integer max = Params.integer(in, "MaxResults");
    Page<Secret> page =
        Page.of(matching, Params.string(in, "NextToken"), max == null ? DEFAULT_MAX_RESULTS : max,
            () -> AwsServiceError.of(INVALID_NEXT_TOKEN, INVALID_TOKEN));
    List<Object> entries = new ArrayList<>();
    page.items().forEach(s -> entries.add(listEntry(s)));
    return Output.of().put("SecretList", entries).put("NextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> tagResource(RequestContext ctx, Map<String, Object> in) {
    live(ctx, in).tags.putAll(KeyValueTags.fromList(Params.structures(in, "Tags")));
    return Output.empty();
  }

  private synchronized Map<String, Object> untagResource(RequestContext ctx, Map<String, Object> in) {
    live(ctx, in).tags.keySet().removeAll(Params.strings(in, "TagKeys"));
    return Output.empty();
  }

  // --- helpers

  private Secret secret(RequestContext ctx, Map<String, Object> in) {
    return store.of(ctx)
        .find(Params.string(in, "SecretId"), ctx.now())
        .orElseThrow(() -> AwsServiceError.of(RESOURCE_NOT_FOUND, SECRET_NOT_FOUND));
  }

  /** A secret that is not scheduled for deletion. */
  private Secret live(RequestContext ctx, Map<String, Object> in) {
    Secret s = secret(ctx, in);
    if (s.deleted()) throw AwsServiceError.of(INVALID_REQUEST, MARKED_FOR_DELETION);
    return s;
  }

  private static Map<String, Object> versionOutput(Secret s, Secret.Version v) {
    return Output.of()
        .put("ARN", s.arn)
        .put("Name", s.name)
        .put("VersionId", v.id())
        .put("VersionStages", List.copyOf(v.stages()))
        .build();
  }

  private static Map<String, Object> listEntry(Secret s) {
    return Output.of()
        .put("ARN", s.arn)
        .put("Name", s.name)
        .put("Description", s.description)
        .put("KmsKeyId", s.kmsKeyId)
        .put("LastChangedDate", s.lastChanged)
        .put("LastAccessedDate", s.lastAccessed)
        .put("DeletedDate", s.deletedDate)
        .put("Tags", s.tags.isEmpty() ? null : KeyValueTags.toList(s.tags))
        .put("SecretVersionsToStages", s.versionsToStages())
        .put("CreatedDate", s.created)
        .build();
  }

  /** Default: newest first, as the console lists them; ties by name. */
  private static Comparator<Secret> order(String sortBy, String sortOrder) {
    Comparator<Secret> byName = Comparator.comparing(s -> s.name);
    Comparator<Secret> key =
        switch (sortBy == null ? SortKeys.CREATED : sortBy) {
          case SortKeys.NAME -> byName;
          case SortKeys.LAST_CHANGED -> Comparator.comparing((Secret s) -> s.lastChanged);
          case SortKeys.LAST_ACCESSED ->
              Comparator.comparing((Secret s) -> s.lastAccessed, Comparator.nullsFirst(Comparator.naturalOrder()));
          default -> Comparator.comparing((Secret s) -> s.created);
        };
    boolean ascending = SortKeys.ASC.equals(sortOrder) || (sortOrder == null && SortKeys.NAME.equals(sortBy));
    return (ascending ? key : key.reversed()).thenComparing(byName);
  }

  private static Map<String, String> flatten(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : Json.write(e.getValue())));
    return out;
  }

  /** ListSecrets SortBy and SortOrder values. */
  private static final class SortKeys {
    static final String CREATED = "created-date";
    static final String NAME = "name";
    static final String LAST_CHANGED = "last-changed-date";
    static final String LAST_ACCESSED = "last-accessed-date";
    static final String ASC = "asc";
  }
}
