package io.harnessdeployer.activities.agentcore;

import static io.harnessdeployer.workflows.common.FailureTypes.CONFLICT;
import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;
import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetApiKeyCredentialProviderResponse;

/**
 * Token Vault API-key provider (through the SDK) and the Harness (through {@link HarnessApi}). The
 * Basic header is built here from the sealed credentials, sent to AgentCore and nowhere else.
 */
public final class AgentCoreActivitiesImpl implements AgentCoreActivities {
  private static final Logger log = LoggerFactory.getLogger(AgentCoreActivitiesImpl.class);
  private static final Set<String> READY = Set.of("READY", "ACTIVE");
  private static final Set<String> FAILED = Set.of("CREATE_FAILED", "UPDATE_FAILED", "FAILED");

  private final Regional<BedrockAgentCoreControlClient> control;
  private final HarnessApi harnesses;
  private final Credentials credentials;
  private final Poller poller;

  public AgentCoreActivitiesImpl(Regional<BedrockAgentCoreControlClient> control, HarnessApi harnesses,
      Credentials credentials, Polling polling) {
    this.control = control;
    this.harnesses = harnesses;
    this.credentials = credentials;
    this.poller = new Poller(polling);
  }

  // ---- API-key credential provider ----

  @Override
  public ResourceRef ensureApiKeyProvider(ApiKeyProviderSpec spec) {
    String name = spec.providerName();
    ZscalerCredentials creds = credentials.open(spec.credentials(), "API-key provider " + name);
    String header = Credentials.basicHeader(creds);
    String[] hide = {header, header.substring(6), creds.clientSecret()};
    BedrockAgentCoreControlClient client = control.in(spec.scope().region());
    try {
      Optional<GetApiKeyCredentialProviderResponse> existing = provider(client, name);
      if (existing.isEmpty()) {
        try {
          String arn = client.createApiKeyCredentialProvider(r -> r.name(name).apiKey(header)
              .tags(spec.scope().tags())).credentialProviderArn();
          log.info("API-key provider {}: CREATED", name);
          return new ResourceRef(name, arn, Outcome.CREATED);
        } catch (SdkException e) {
          if (!AwsFailures.hasCode(e, "ConflictException", "ValidationException")
              || provider(client, name).isEmpty()) {
            throw e;
          }
          // another attempt created it meanwhile: fall through to update
        }
      }
      String arn = client.updateApiKeyCredentialProvider(r -> r.name(name).apiKey(header))
          .credentialProviderArn();
      Outcome outcome = Ownership.existing(spec.scope(), tags(client, arn), true);
      log.info("API-key provider {}: {} (key follows the current credentials)", name, outcome);
      return new ResourceRef(name, arn, outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure API-key provider " + name, e, hide);
    }
  }

  @Override
  public DeleteResult deleteApiKeyProvider(ResourceDelete input) {
    String name = input.id();
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GetApiKeyCredentialProviderResponse> provider = provider(client, name);
      if (provider.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "provider not found");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(client, provider.get().credentialProviderArn()))) {
        return new DeleteResult(name, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      client.deleteApiKeyCredentialProvider(r -> r.name(name));
      return new DeleteResult(name, DeleteOutcome.DELETED, "provider and its stored key deleted");
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "provider not found");
      }
      throw AwsFailures.classify("AgentCore delete API-key provider " + name, e);
    }
  }

  // ---- harness ----

  @Override
  public HarnessRef ensureHarness(HarnessSpec spec) {
    String name = spec.harnessName();
    String region = spec.scope().region();
    try {
      Optional<JsonNode> found = byName(region, name);
      if (found.isEmpty()) {
        try {
          JsonNode h = harnesses.createHarness(region, HarnessDocuments.create(spec, spec.scope().tags()));
          log.info("harness {}: CREATED as {}", name, h.path("harnessId").asText());
          return ref(h, Outcome.CREATED);
        } catch (SdkException e) {
          if (!AwsFailures.hasCode(e, "ConflictException")) {
            throw e;
          }
          found = byName(region, name); // created meanwhile (same clientToken or a race)
          if (found.isEmpty()) {
            throw e;
          }
        }
      }
      JsonNode summary = found.get();
      String id = summary.path("harnessId").asText();
      if ("DELETING".equals(summary.path("status").asText())) {
        throw AwsFailures.failure(RESOURCE_BUSY, "harness " + name + " (" + id + ") is still being deleted");
      }
      Map<String, String> tags = tags(control.in(region), summary.path("arn").asText());
      if (!spec.scope().ownsDeployment(tags)) {
        throw AwsFailures.failure(CONFLICT, "harness " + name + " (" + id + ") exists but was not created by"
            + " deployment " + spec.scope().deployment() + ": delete it or choose another harness name");
      }
      JsonNode live = harnesses.getHarness(region, id).orElse(summary);
      List<String> changes = HarnessDocuments.changes(spec, live);
      if (!changes.isEmpty()) {
        log.info("harness {}: updating {}", name, changes);
        live = harnesses.updateHarness(region, id, HarnessDocuments.update(spec));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, !changes.isEmpty());
      log.info("harness {}: {}", name, outcome);
      return ref(live.has("harnessId") ? live : summary, outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure harness " + name, e);
    }
  }

  @Override
  public HarnessStatus awaitHarnessReady(WaitSpec wait) {
    String id = wait.id();
    String region = wait.scope().region();
    return poller.await(wait, "harness " + id + " READY", poll -> {
      JsonNode h = harnesses.getHarness(region, id).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "harness " + id + " no longer exists"));
      String status = h.path("status").asText();
      String reason = h.path("failureReason").asText(null);
      if (READY.contains(status)) {
        return Check.done(new HarnessStatus(id, status, null));
      }
      if (FAILED.contains(status)) {
        throw AwsFailures.failure(UNHEALTHY, "harness " + id + " is " + status
            + (reason == null ? "" : ": " + reason));
      }
      return Check.pending(status);
    });
  }

  @Override
  public DeleteResult deleteHarness(ResourceDelete input) {
    String name = input.id();
    String region = input.scope().region();
    try {
      Optional<JsonNode> found = byName(region, name);
      if (found.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "harness not found");
      }
      String id = found.get().path("harnessId").asText();
      if ("DELETING".equals(found.get().path("status").asText())) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "harness already being deleted");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), tags(control.in(region), found.get().path("arn").asText()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      return harnesses.deleteHarness(region, id).isPresent()
          ? new DeleteResult(id, DeleteOutcome.DELETED, "harness deleting")
          : new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "harness not found");
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore delete harness " + name, e);
    }
  }

  @Override
  public HarnessStatus awaitHarnessGone(WaitSpec wait) {
    String id = wait.id();
    String region = wait.scope().region();
    return poller.await(wait, "harness " + id + " deleted", poll -> {
      Optional<JsonNode> h = harnesses.getHarness(region, id);
      if (h.isEmpty()) {
        return Check.done(new HarnessStatus(id, "GONE", null));
      }
      String status = h.get().path("status").asText();
      if ("DELETE_FAILED".equals(status)) {
        String reason = h.get().path("failureReason").asText(null);
        throw AwsFailures.failure(UNHEALTHY, "harness " + id + " is DELETE_FAILED"
            + (reason == null ? "" : ": " + reason));
      }
      return Check.pending(status);
    });
  }

  // ---- lookups ----

  /** The newest harness of that name; names are not unique to the API, so prefer one not DELETING. */
  private Optional<JsonNode> byName(String region, String name) {
    return harnesses.listHarnesses(region).stream()
        .filter(h -> name.equals(h.path("harnessName").asText()))
        .min((a, b) -> Boolean.compare("DELETING".equals(a.path("status").asText()),
            "DELETING".equals(b.path("status").asText())));
  }

  private static HarnessRef ref(JsonNode h, Outcome outcome) {
    return new HarnessRef(h.path("harnessId").asText(), h.path("arn").asText(), h.path("harnessName").asText(),
        outcome);
  }

  private static Optional<GetApiKeyCredentialProviderResponse> provider(
      BedrockAgentCoreControlClient client, String name) {
    try {
      return Optional.of(client.getApiKeyCredentialProvider(r -> r.name(name)));
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Map<String, String> tags(BedrockAgentCoreControlClient client, String arn) {
    return client.listTagsForResource(r -> r.resourceArn(arn)).tags();
  }
}
