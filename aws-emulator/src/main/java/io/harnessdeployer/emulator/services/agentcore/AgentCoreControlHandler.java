package io.harnessdeployer.emulator.services.agentcore;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.common.Contexts;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * bedrock-agentcore-control: Token Vault credential providers, Harnesses, Runtimes, Gateways and
 * their targets, and tags; and, as a hosted endpoint, each Gateway's MCP URL ({@link GatewayEndpoint}).
 */
public final class AgentCoreControlHandler implements ServiceHandler, EndpointHost {
  private final AccountRegionStore<AgentCoreState> store = AccountRegionStore.regional(AgentCoreState::new);
  private final Clock clock;
  private final CloudLookup cloud;
  private final CredentialProviders providers;
  private final Harnesses harnesses;
  private final Runtimes runtimes;
  private final Gateways gateways;
  private final GatewayEndpoint gatewayEndpoint;
  private final Map<String, Operation> operations;

  public AgentCoreControlHandler(EmulatorSettings settings, CloudLookup cloud) {
    this(settings, cloud, SecureRandom::new);
  }

  AgentCoreControlHandler(EmulatorSettings settings, CloudLookup cloud, Supplier<Random> random) {
    this.clock = settings.clock();
    this.cloud = cloud;
    Ids ids = new Ids(random);
    this.providers = new CredentialProviders(store, ids);
    this.harnesses = new Harnesses(store, cloud, ids);
    this.runtimes = new Runtimes(store, cloud, ids, this::settle);
    this.gateways = new Gateways(store, cloud, ids, this::settle);
    this.gatewayEndpoint = new GatewayEndpoint(store, cloud, gateways.reach(), this::settle);
    this.operations =
        Map.ofEntries(
            Map.entry("CreateApiKeyCredentialProvider", providers::createApiKey),
            Map.entry("GetApiKeyCredentialProvider", providers::getApiKey),
            Map.entry("UpdateApiKeyCredentialProvider", providers::updateApiKey),
            Map.entry("DeleteApiKeyCredentialProvider", providers::deleteApiKey),
            Map.entry("ListApiKeyCredentialProviders", providers::listApiKeys),
            Map.entry("CreateOauth2CredentialProvider", providers::createOauth2),
            Map.entry("GetOauth2CredentialProvider", providers::getOauth2),
            Map.entry("UpdateOauth2CredentialProvider", providers::updateOauth2),
            Map.entry("DeleteOauth2CredentialProvider", providers::deleteOauth2),
            Map.entry("ListOauth2CredentialProviders", providers::listOauth2),
            Map.entry("CreateHarness", harnesses::create),
            Map.entry("GetHarness", harnesses::get),
            Map.entry("UpdateHarness", harnesses::update),
            Map.entry("DeleteHarness", harnesses::delete),
            Map.entry("ListHarnesses", harnesses::list),
            Map.entry("CreateAgentRuntime", runtimes::create),
            Map.entry("GetAgentRuntime", runtimes::get),
            Map.entry("UpdateAgentRuntime", runtimes::update),
            Map.entry("DeleteAgentRuntime", runtimes::delete),
            Map.entry("ListAgentRuntimes", runtimes::list),
            Map.entry("CreateGateway", gateways::create),
            Map.entry("GetGateway", gateways::get),
            Map.entry("UpdateGateway", gateways::update),
            Map.entry("DeleteGateway", gateways::delete),
            Map.entry("ListGateways", gateways::list),
            Map.entry("CreateGatewayTarget", gateways::createTarget),
            Map.entry("GetGatewayTarget", gateways::getTarget),
            Map.entry("DeleteGatewayTarget", gateways::deleteTarget),
            Map.entry("ListGatewayTargets", gateways::listTargets),
            Map.entry("TagResource", this::tagResource),
            Map.entry("UntagResource", this::untagResource),
            Map.entry("ListTagsForResource", this::listTagsForResource));
  }

  @Override
  public String service() {
    return "bedrock-agentcore-control";
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  /**
   * For in-process tests: SHA-256 (hex) of the key API-key provider {@code name} stores, so a test
   * can check that a deploy wrote the header it expects without the key ever being returned.
   */
  public Optional<String> storedApiKeySha256(String accountId, String region, String name) {
    return providers.apiKeySha256(Contexts.lookup(service(), accountId, region), name);
  }

  Harnesses harnesses() {
    return harnesses;
  }

  /** The other services, as the harness runtime reaches them (its log group). */
  CloudLookup cloud() {
    return cloud;
  }

  CredentialProviders providers() {
    return providers;
  }

  private Map<String, Object> tagResource(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      Map<String, String> tags = tagsOf(s, (String) input.get("resourceArn"));
      Map<String, String> merged = new LinkedHashMap<>(tags);
      merged.putAll(Values.tags(input.get("tags")));
      if (merged.size() > 50) throw Errors.invalidField("tags", "A resource can have at most 50 tags.");
      tags.putAll(merged);
      return Map.of();
    }
  }

  private Map<String, Object> untagResource(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      Map<String, String> tags = tagsOf(s, (String) input.get("resourceArn"));
      Values.list(input.get("tagKeys")).forEach(k -> tags.remove(k.toString()));
      return Map.of();
    }
  }

  private Map<String, Object> listTagsForResource(RequestContext ctx, Map<String, Object> input) {
    AgentCoreState s = store.of(ctx);
    synchronized (s) {
      settle(s, ctx.now());
      return Map.of("tags", new LinkedHashMap<String, Object>(tagsOf(s, (String) input.get("resourceArn"))));
    }
  }

  /** Runtimes before gateways: a target's connectivity check reads its Runtime's settled status. */
  private void settle(AgentCoreState s, java.time.Instant now) {
    harnesses.settle(s, now);
    runtimes.settle(s, now);
    gateways.settle(s, now);
  }

  @Override
  public boolean owns(String host) {
    return GatewayEndpoint.owns(host);
  }

  @Override
  public Response answer(Request request) {
    return gatewayEndpoint.answer(request, clock.instant());
  }

  private static Map<String, String> tagsOf(AgentCoreState s, String arn) {
    Map<String, String> tags = s.tags.get(arn);
    if (tags == null) throw Errors.notFound("Resource " + arn + " not found.");
    return tags;
  }

  @Override
  public List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (AgentCoreState s : store.all()) {
      synchronized (s) {
        settle(s, clock.instant());
        for (ApiKeyProvider p : s.apiKeyProviders.values()) {
          out.add(new ResourceView(service(), "apikey-credential-provider", p.name(), p.arn(), "READY", Map.copyOf(s.tags.get(p.arn()))));
        }
        for (OAuth2Provider p : s.oauth2Providers.values()) {
          out.add(new ResourceView(service(), "oauth2-credential-provider", p.name(), p.arn(), "READY", Map.copyOf(s.tags.get(p.arn()))));
        }
        for (HarnessRecord h : s.harnesses.values()) {
          out.add(new ResourceView(service(), "harness", h.name, h.arn, h.status, Map.copyOf(s.tags.get(h.arn))));
        }
        for (RuntimeRecord r : s.runtimes.values()) {
          out.add(new ResourceView(service(), "agent-runtime", r.name, r.arn, r.life.status, Map.copyOf(s.tags.get(r.arn))));
        }
        for (GatewayRecord g : s.gateways.values()) {
          out.add(new ResourceView(service(), "gateway", g.name(), g.arn, g.life.status, Map.copyOf(s.tags.get(g.arn))));
          for (TargetRecord t : g.targets.values()) {
            out.add(new ResourceView(service(), "gateway-target", t.name, g.arn + "/target/" + t.id, t.life.status, Map.of()));
          }
        }
      }
    }
    return out;
  }

  @Override
  public void reset() {
    store.clear();
  }
}
