package io.harnessdeployer.activities.agentcore;

import static io.harnessdeployer.workflows.common.FailureTypes.RESOURCE_BUSY;
import static io.harnessdeployer.workflows.common.FailureTypes.UNHEALTHY;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.activities.common.Poller;
import io.harnessdeployer.activities.common.Poller.Check;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.AgentCoreActivities;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.HarnessRef;
import io.harnessdeployer.workflows.steps.HarnessSpec;
import io.harnessdeployer.workflows.steps.HarnessStatus;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.WaitSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * Token Vault API-key provider (through the SDK, {@link ApiKeyProviders}) and the Harness (through
 * {@link HarnessHttpClient}).
 */
public final class AgentCoreActivitiesImpl implements AgentCoreActivities {
  private static final Logger log = LoggerFactory.getLogger(AgentCoreActivitiesImpl.class);
  private static final Set<String> READY = Set.of("READY", "ACTIVE");
  private static final Set<String> FAILED = Set.of("CREATE_FAILED", "UPDATE_FAILED", "FAILED");
  private static final Set<String> BUSY = Set.of("CREATING", "UPDATING");
  private static final int LIST_PAGE = 100;

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Regional<HarnessHttpClient> harnesses;
  private final ApiKeyProviders providers;
  private final Poller poller;

  public AgentCoreActivitiesImpl(Regional<BedrockAgentCoreControlClient> control, Regional<HarnessHttpClient> harnesses,
      Credentials credentials, Polling polling) {
    this.control = control;
    this.harnesses = harnesses;
    this.providers = new ApiKeyProviders(control, credentials);
    this.poller = new Poller(polling);
  }

  // ---- API-key credential provider ----

  @Override
  public ResourceRef ensureApiKeyProvider(ApiKeyProviderSpec spec) {
    return providers.ensure(spec);
  }

  @Override
  public DeleteResult deleteApiKeyProvider(ResourceDelete input) {
    return providers.delete(input);
  }

  @Override
  public Observed describeApiKeyProvider(Lookup input) {
    return providers.describe(input);
  }

  /** The tags of the provider of that name; empty if there is none. */
  public Optional<Map<String, String>> providerTags(Scope scope, String name) {
    return providers.liveTags(scope, name);
  }

  // ---- harness ----

  /** The tags of the harness of that name; empty if there is none, or it is being deleted (names are reusable then). */
  public Optional<Map<String, String>> harnessTags(Scope scope, String name) {
    return byName(harnesses.in(scope.region()), name).filter(h -> !"DELETING".equals(h.status()))
        .map(h -> ApiKeyProviders.tags(control.in(scope.region()), h.arn()));
  }

  @Override
  public Observed describeHarness(Lookup input) {
    String name = input.id();
    String region = input.scope().region();
    HarnessHttpClient api = harnesses.in(region);
    try {
      Optional<Harness> live = byName(api, name).flatMap(h -> get(api, h.harnessId()));
      return live.map(h -> new Observed(true, h.status(), ApiKeyProviders.tags(control.in(region), h.arn()),
          HarnessDesign.observed(h))).orElseGet(Observed::missing);
    } catch (HarnessApiException | SdkException e) {
      throw AwsFailures.classify("AgentCore describe harness " + name, e);
    }
  }

  @Override
  public HarnessRef ensureHarness(HarnessSpec spec) {
    String name = spec.harnessName();
    String region = spec.scope().region();
    HarnessHttpClient api = harnesses.in(region);
    try {
      Optional<HarnessSummary> found = byName(api, name);
      if (found.isEmpty()) {
        try {
          Harness h = api.createHarness(HarnessDesign.create(spec, spec.scope().tags()));
          log.info("harness {}: CREATED as {}", name, h.harnessId());
          return ref(h.harnessId(), h.arn(), h.harnessName(), Outcome.CREATED);
        } catch (HarnessApiException e) {
          found = "ConflictException".equals(e.code()) ? byName(api, name) : Optional.empty();
          if (found.isEmpty()) {
            throw e;
          }
        }
      }
      HarnessSummary summary = found.get();
      if ("DELETING".equals(summary.status())) {
        throw AwsFailures.failure(RESOURCE_BUSY, "harness " + name + " (" + summary.harnessId()
            + ") is still being deleted");
      }
      Map<String, String> tags = ApiKeyProviders.tags(control.in(region), summary.arn());
      Ownership.require(spec.scope(), ResourceKind.HARNESS, name, tags);
      Harness live = api.getHarness(summary.harnessId());
      List<String> changes = HarnessDesign.changes(spec, live);
      if (!changes.isEmpty()) {
        if (BUSY.contains(live.status())) {
          throw AwsFailures.failure(RESOURCE_BUSY, "harness " + name + " must change " + changes + " but is "
              + live.status());
        }
        log.info("harness {}: updating {}", name, changes);
        live = api.updateHarness(HarnessDesign.update(spec, live.harnessId()));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, !changes.isEmpty());
      log.info("harness {}: {}", name, outcome);
      return ref(live.harnessId(), live.arn(), live.harnessName(), outcome);
    } catch (HarnessApiException | SdkException e) {
      throw AwsFailures.classify("AgentCore ensure harness " + name, e);
    }
  }

  @Override
  public HarnessStatus awaitHarnessReady(WaitSpec wait) {
    String id = wait.id();
    HarnessHttpClient api = harnesses.in(wait.scope().region());
    return poller.await(wait, "harness " + id + " READY", poll -> {
      Harness h = get(api, id).orElseThrow(() ->
          AwsFailures.failure(UNHEALTHY, "harness " + id + " no longer exists"));
      if (READY.contains(h.status())) {
        return Check.done(new HarnessStatus(id, h.status(), null));
      }
      if (FAILED.contains(h.status())) {
        throw AwsFailures.failure(UNHEALTHY, "harness " + id + " is " + h.status()
            + (h.failureReason() == null ? "" : ": " + h.failureReason()));
      }
      return Check.pending(h.status());
    });
  }

  @Override
  public DeleteResult deleteHarness(ResourceDelete input) {
    String name = input.id();
    String region = input.scope().region();
    HarnessHttpClient api = harnesses.in(region);
    try {
      Optional<HarnessSummary> found = byName(api, name);
      if (found.isEmpty()) {
        return new DeleteResult(name, DeleteOutcome.ALREADY_GONE, "harness not found");
      }
      String id = found.get().harnessId();
      if ("DELETING".equals(found.get().status())) {
        return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "harness already being deleted");
      }
      if (!Ownership.mayDelete(input.scope(), input.mode(), ApiKeyProviders.tags(control.in(region), found.get().arn()))) {
        return new DeleteResult(id, DeleteOutcome.KEPT_NOT_OURS, Ownership.notOurs(input.mode()));
      }
      try {
        api.deleteHarness(id, null);
      } catch (HarnessApiException e) {
        if (AwsFailures.isNotFound(e)) {
          return new DeleteResult(id, DeleteOutcome.ALREADY_GONE, "harness not found");
        }
        if ("ConflictException".equals(e.code())) { // CREATING or UPDATING: try again shortly
          throw AwsFailures.failure(RESOURCE_BUSY, "AgentCore delete harness " + id + ": " + e.getMessage());
        }
        throw e;
      }
      return new DeleteResult(id, DeleteOutcome.DELETED, "harness deleting");
    } catch (HarnessApiException | SdkException e) {
      throw AwsFailures.classify("AgentCore delete harness " + name, e);
    }
  }

  @Override
  public HarnessStatus awaitHarnessGone(WaitSpec wait) {
    String id = wait.id();
    HarnessHttpClient api = harnesses.in(wait.scope().region());
    return poller.await(wait, "harness " + id + " deleted", poll -> {
      Optional<Harness> h = get(api, id);
      if (h.isEmpty()) {
        return Check.done(new HarnessStatus(id, "GONE", null));
      }
      if ("DELETE_FAILED".equals(h.get().status())) {
        throw AwsFailures.failure(UNHEALTHY, "harness " + id + " is DELETE_FAILED"
            + (h.get().failureReason() == null ? "" : ": " + h.get().failureReason()));
      }
      return Check.pending(h.get().status());
    });
  }

  // ---- lookups ----

  /** A harness of that name, preferring one that is not DELETING (names are reusable then). */
  public static Optional<HarnessSummary> byName(HarnessHttpClient api, String name) {
    List<HarnessSummary> matches = new ArrayList<>();
    String token = null;
    do {
      HarnessPage page = api.listHarnesses(LIST_PAGE, token);
      page.harnesses().stream().filter(h -> name.equals(h.harnessName())).forEach(matches::add);
      token = page.nextToken();
    } while (token != null);
    return matches.stream().min(Comparator.comparing(h -> "DELETING".equals(h.status())));
  }

  private static Optional<Harness> get(HarnessHttpClient api, String id) {
    try {
      return Optional.of(api.getHarness(id));
    } catch (HarnessApiException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static HarnessRef ref(String id, String arn, String name, Outcome outcome) {
    return new HarnessRef(id, arn, name, outcome);
  }
}
