package io.harnessdeployer.activities.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.common.FailureTypes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretDelete;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.SecretSpec;
import io.harnessdeployer.workflows.steps.SecretsActivities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * The three secret modes of spec §6.2. The payload is unsealed here, sent to Secrets Manager and
 * dropped; results and failures carry names, ARNs and key names only. A managed secret that holds
 * other credentials than the deploy's gets a new version with the deploy's (rotation).
 */
public final class SecretsActivitiesImpl implements SecretsActivities {
  private static final Logger log = LoggerFactory.getLogger(SecretsActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Regional<SecretsManagerClient> secrets;
  private final Credentials credentials;

  public SecretsActivitiesImpl(Regional<SecretsManagerClient> secrets, Credentials credentials) {
    this.secrets = secrets;
    this.credentials = credentials;
  }

  @Override
  public SecretRef ensureSecret(SecretSpec spec) {
    SecretsManagerClient client = secrets.in(spec.scope().region());
    return switch (spec.mode()) {
      case MANAGED -> managed(client, spec);
      case BRING_YOUR_OWN -> bringYourOwn(client, spec);
      case PLAINTEXT -> throw AwsFailures.failure(FailureTypes.VALIDATION,
          "plaintext mode uses no secret: ensureSecret needs MANAGED or BRING_YOUR_OWN");
    };
  }

  private SecretRef managed(SecretsManagerClient client, SecretSpec spec) {
    String id = spec.secretId();
    ZscalerCredentials creds = credentials.open(spec.credentials(), "secret " + id);
    String payload = payload(creds);
    String[] hide = {payload, creds.clientSecret()};
    try {
      Optional<DescribeSecretResponse> existing = describe(client, id);
      if (existing.isEmpty()) {
        Optional<SecretRef> created = create(client, spec.scope(), id, payload, creds);
        if (created.isPresent()) {
          return created.get();
        }
        existing = describe(client, id); // lost a race: judge what is there now
        if (existing.isEmpty()) {
          throw AwsFailures.failure(FailureTypes.SERVICE_UNAVAILABLE, "secret " + id + " neither created nor found");
        }
      }
      DescribeSecretResponse secret = existing.get();
      Ownership.require(spec.scope(), ResourceKind.SECRET, id, tags(secret));
      if (secret.deletedDate() != null) {
        return restore(client, spec.scope(), secret, payload, creds);
      }
      Optional<String> value = value(client, secret.arn());
      List<String> keys = value.map(SecretKeys::of).orElseGet(SecretsActivitiesImpl::assumedKeys);
      if (keys.isEmpty()) {
        throw AwsFailures.failure(FailureTypes.VALIDATION, "secret " + secret.name()
            + " holds none of the credential keys " + Names.CREDENTIAL_KEYS
            + "; fix its value, or destroy and deploy again");
      }
      Map<String, String> tags = tags(secret);
      String kept = "unreadable, not compared";
      if (value.isPresent()) {
        kept = "it holds this deploy's credentials";
        List<String> changed = SecretPayload.changedKeys(value.get(), creds.asEnv());
        if (!changed.isEmpty()) {
          if (spec.scope().ownsDeployment(tags)) {
            return rotate(client, spec.scope(), secret, tags, payload, creds, changed);
          }
          kept = "not tagged for deployment " + spec.scope().deployment() + ", so not rotated";
          log.warn("secret {} holds other credentials than this deploy's; {}", secret.name(), kept);
        }
      }
      if (value.isPresent() && spec.scope().ownsDeployment(tags)) {
        recordVersion(client, secret, tags); // it holds our credentials: the version drift expects
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, false);
      log.info("secret {}: {} (value kept: {}; keys {})", secret.name(), outcome, kept, keys);
      return new SecretRef(secret.name(), secret.arn(), keys, outcome, false);
    } catch (SdkException e) {
      throw AwsFailures.classify("Secrets Manager ensure secret " + id, e, hide);
    }
  }

  /**
   * The secret holds other credentials than this deploy's: PutSecretValue makes them the new
   * AWSCURRENT version. The deploy's credentials are the source of truth, so a value rotated by hand
   * in Secrets Manager is replaced too (spec §6.2-A.4 kept it; see the README).
   */
  private SecretRef rotate(
      SecretsManagerClient client, Scope scope, DescribeSecretResponse secret, Map<String, String> tags,
      String payload, ZscalerCredentials creds, List<String> changed) {
    String arn = secret.arn();
    String version = client.putSecretValue(r -> r.secretId(arn).secretString(payload)).versionId();
    client.tagResource(r -> r.secretId(arn).tags(versionTag(version)));
    Outcome outcome = Ownership.existing(scope, tags, true);
    log.info("secret {}: {} (credentials rotated: new version {}, changed keys {})", secret.name(), outcome,
        version, changed);
    return new SecretRef(secret.name(), arn, payloadKeys(creds), outcome, false, changed);
  }

  /** CreateSecret; a name still in its recovery window is restored instead; empty if it exists. */
  private Optional<SecretRef> create(
      SecretsManagerClient client, Scope scope, String id, String payload, ZscalerCredentials creds) {
    // the request token becomes the first version's id, so the create records it in one call
    String version = UUID.randomUUID().toString();
    List<Tag> tags = new ArrayList<>(tags(scope));
    tags.add(versionTag(version));
    try {
      var created = client.createSecret(r -> r.name(id).description(Names.SECRET_DESCRIPTION)
          .secretString(payload).clientRequestToken(version).tags(tags));
      log.info("secret {}: CREATED", created.name());
      return Optional.of(new SecretRef(created.name(), created.arn(), payloadKeys(creds), Outcome.CREATED, false));
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceExistsException")) {
        return Optional.empty();
      }
      if (AwsFailures.hasCode(e, "InvalidRequestException")
          && AwsFailures.awsMessage(e).contains("scheduled for deletion")) {
        DescribeSecretResponse deleted = describe(client, id).orElseThrow(() -> e);
        Ownership.require(scope, ResourceKind.SECRET, id, tags(deleted)); // restoring re-tags it
        return Optional.of(restore(client, scope, deleted, payload, creds));
      }
      throw e;
    }
  }

  /** Soft-deleted: restore, re-tag with this run, then write the current value (spec §6.2-A.3). */
  private SecretRef restore(
      SecretsManagerClient client, Scope scope, DescribeSecretResponse secret, String payload,
      ZscalerCredentials creds) {
    String arn = secret.arn();
    client.restoreSecret(r -> r.secretId(arn));
    String version = client.putSecretValue(r -> r.secretId(arn).secretString(payload)).versionId();
    List<Tag> tags = new ArrayList<>(tags(scope));
    tags.add(versionTag(version));
    client.tagResource(r -> r.secretId(arn).tags(tags));
    log.info("secret {}: RESTORED from its recovery window, value replaced", secret.name());
    return new SecretRef(secret.name(), arn, payloadKeys(creds), Outcome.RESTORED, false);
  }

  private SecretRef bringYourOwn(SecretsManagerClient client, SecretSpec spec) {
    String id = spec.secretId();
    try {
      DescribeSecretResponse secret = describe(client, id).orElseThrow(() -> AwsFailures.failure(
          FailureTypes.NOT_FOUND, "bring-your-own secret " + id
              + " does not exist: create it, or drop ZSCALER_SECRET_NAME to let us manage one"));
      // read, never written: but another deployment's managed one may go with that deployment
      Ownership.require(spec.scope(), ResourceKind.BYO_SECRET, id, tags(secret));
      if (secret.deletedDate() != null) {
        throw AwsFailures.failure(FailureTypes.VALIDATION, "bring-your-own secret " + secret.name()
            + " is scheduled for deletion: restore it, or drop ZSCALER_SECRET_NAME");
      }
      List<String> keys = keys(client, secret.arn());
      if (keys.isEmpty()) {
        throw AwsFailures.failure(FailureTypes.VALIDATION, "bring-your-own secret " + secret.name()
            + " must be a flat JSON object with at least " + Names.KEY_CLIENT_ID + " and "
            + Names.KEY_CLIENT_SECRET);
      }
      log.info("secret {}: bring-your-own, managed externally (keys {})", secret.name(), keys);
      return new SecretRef(secret.name(), secret.arn(), keys, Outcome.ADOPTED, true);
    } catch (SdkException e) {
      throw AwsFailures.classify("Secrets Manager read secret " + id, e);
    }
  }

  /** The tags of the secret of that name or ARN, scheduled for deletion or not; empty if there is none. */
  public Optional<Map<String, String>> liveTags(Scope scope, String id) {
    return describe(secrets.in(scope.region()), id).map(SecretsActivitiesImpl::tags);
  }

  @Override
  public Observed describeSecret(Lookup input) {
    try {
      return SecretObservation.of(secrets.in(input.scope().region()), input.id());
    } catch (SdkException e) {
      throw AwsFailures.classify("Secrets Manager describe secret " + input.id(), e);
    }
  }

  @Override
  public DeleteResult deleteSecret(SecretDelete input) {
    String id = input.secretId();
    SecretsManagerClient client = secrets.in(input.scope().region());
    try {
      Optional<DescribeSecretResponse> secret = describe(client, id);
      if (secret.isEmpty()) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "secret not found");
      }
      if (secret.get().deletedDate() != null) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "secret already scheduled for deletion");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(secret.get()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      String arn = secret.get().arn();
      if (input.forceWithoutRecovery()) {
        client.deleteSecret(r -> r.secretId(arn).forceDeleteWithoutRecovery(true));
        return new DeleteResult(id, DeleteOutcome.DELETED, "deleted without recovery");
      }
      client.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays((long) Names.SECRET_RECOVERY_WINDOW_DAYS));
      return new DeleteResult(id, DeleteOutcome.DELETED, "scheduled for deletion in "
          + Names.SECRET_RECOVERY_WINDOW_DAYS + " days; restore with: aws secretsmanager restore-secret"
          + " --region " + input.scope().region() + " --secret-id " + secret.get().name());
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException")) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "secret not found");
      }
      if (AwsFailures.hasCode(e, "InvalidRequestException")
          && AwsFailures.awsMessage(e).contains("marked for deletion")) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "secret already scheduled for deletion");
      }
      throw AwsFailures.classify("Secrets Manager delete secret " + id, e);
    }
  }

  /**
   * GetSecretValue, keeping only the key names (spec §6.3). A non-retryable read error falls back to
   * the two required keys, as the seed does; a retryable one is retried.
   */
  private List<String> keys(SecretsManagerClient client, String arn) {
    return value(client, arn).map(SecretKeys::of).orElseGet(SecretsActivitiesImpl::assumedKeys);
  }

  /** GetSecretValue's SecretString; empty when a non-retryable error forbids reading it. */
  private Optional<String> value(SecretsManagerClient client, String arn) {
    try {
      String value = client.getSecretValue(r -> r.secretId(arn)).secretString();
      return Optional.of(value == null ? "" : value); // binary: no credential keys
    } catch (SdkException e) {
      if (AwsFailures.isRetryable(AwsFailures.classify("GetSecretValue", e).getType())) {
        throw e;
      }
      log.warn("cannot read secret {} ({}); assuming keys {} and {}", arn, AwsFailures.code(e),
          Names.KEY_CLIENT_ID, Names.KEY_CLIENT_SECRET);
      return Optional.empty();
    }
  }

  private static List<String> assumedKeys() {
    return List.of(Names.KEY_CLIENT_ID, Names.KEY_CLIENT_SECRET);
  }

  static Optional<DescribeSecretResponse> describe(SecretsManagerClient client, String id) {
    try {
      return Optional.of(client.describeSecret(r -> r.secretId(id)));
    } catch (SdkException e) {
      if (AwsFailures.hasCode(e, "ResourceNotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The id of the version staged AWSCURRENT; null if none is. */
  static String currentVersion(DescribeSecretResponse secret) {
    if (secret.hasVersionIdsToStages()) {
      for (var v : secret.versionIdsToStages().entrySet()) {
        if (v.getValue().contains("AWSCURRENT")) {
          return v.getKey();
        }
      }
    }
    return null;
  }

  /** Tags AWSCURRENT as the version this deployment's credentials are in, unless it already is. */
  private static void recordVersion(SecretsManagerClient client, DescribeSecretResponse secret, Map<String, String> tags) {
    String current = currentVersion(secret);
    if (current != null && !current.equals(tags.get(Names.TAG_SECRET_VERSION))) {
      client.tagResource(r -> r.secretId(secret.arn()).tags(versionTag(current)));
    }
  }

  private static Tag versionTag(String version) {
    return Tag.builder().key(Names.TAG_SECRET_VERSION).value(version).build();
  }

  private static List<Tag> tags(Scope scope) {
    return scope.tags().entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
  }

  static Map<String, String> tags(DescribeSecretResponse secret) {
    Map<String, String> out = new LinkedHashMap<>();
    if (secret.hasTags()) {
      secret.tags().forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** The spec §6.1 payload: compact JSON of the non-empty credential values. */
  private static String payload(ZscalerCredentials creds) {
    try {
      return JSON.writeValueAsString(creds.asEnv());
    } catch (JsonProcessingException e) {
      throw AwsFailures.failure(FailureTypes.VALIDATION, "credentials cannot be encoded as JSON");
    }
  }

  private static List<String> payloadKeys(ZscalerCredentials creds) {
    return List.copyOf(creds.asEnv().keySet());
  }
}
