package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.common.GatewayShapes;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.Compare;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.steps.AppClientRef;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.OAuth2ProviderSpec;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.ResourceRef;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetOauth2CredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.Oauth2ProviderConfigInput;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Token Vault OAuth2 provider on Cognito (spec §3 step 7): the app client's secret is unsealed
 * here, sent only to AgentCore, and masked in every failure. The model's ARN pattern for
 * ListTagsForResource has no digits in resource types, so it rejects {@code
 * oauth2credentialprovider} ARNs: where it does, the provider's tags are those of the Cognito pool
 * its discovery URL names (the pool it trusts, tagged when this deployment created it).
 */
final class OAuth2Providers {
  private static final Logger log = LoggerFactory.getLogger(OAuth2Providers.class);

  private static final java.util.regex.Pattern COGNITO_DISCOVERY = java.util.regex.Pattern.compile(
      "https://cognito-idp\\.([a-z0-9-]+)\\.amazonaws\\.com/([^/]+)/\\.well-known/openid-configuration");

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Regional<CognitoIdentityProviderClient> cognito;
  private final Credentials credentials;

  OAuth2Providers(Regional<BedrockAgentCoreControlClient> control, Regional<CognitoIdentityProviderClient> cognito,
      Credentials credentials) {
    this.control = control;
    this.cognito = cognito;
    this.credentials = credentials;
  }

  ResourceRef ensure(OAuth2ProviderSpec spec) {
    String name = spec.providerName();
    String secret = credentials.unseal(spec.sealedSecret(), AppClientRef.SECRET_PURPOSE, "OAuth2 provider " + name);
    Oauth2ProviderConfigInput config = Oauth2ProviderConfigInput.builder().customOauth2ProviderConfig(c -> c
        .clientId(spec.clientId()).clientSecret(secret).oauthDiscovery(d -> d.discoveryUrl(spec.discoveryUrl())))
        .build();
    BedrockAgentCoreControlClient client = control.in(spec.scope().region());
    try {
      Optional<GetOauth2CredentialProviderResponse> existing = provider(client, name);
      if (existing.isEmpty()) {
        try {
          String arn = client.createOauth2CredentialProvider(r -> r.name(name)
              .credentialProviderVendor(Names.OAUTH_VENDOR_CUSTOM).oauth2ProviderConfigInput(config)
              .tags(spec.scope().gatewayTags())).credentialProviderArn();
          log.info("OAuth2 provider {}: CREATED", name);
          return new ResourceRef(name, arn, Outcome.CREATED);
        } catch (SdkException e) {
          // another attempt created it meanwhile ("already exists" is a ValidationException): its tags decide
          existing = AwsFailures.hasCode(e, "ConflictException", "ValidationException")
              ? provider(client, name) : Optional.empty();
          if (existing.isEmpty()) {
            throw e;
          }
        }
      }
      GetOauth2CredentialProviderResponse live = existing.get();
      Map<String, String> tags = tags(client, live);
      Ownership.require(spec.scope(), ResourceKind.OAUTH2_PROVIDER, name, tags);
      boolean changed = !Compare.diff(GatewayShapes.oauth2Provider(spec.discoveryUrl(), spec.clientId()),
          shape(live)).isEmpty();
      if (changed) {
        client.updateOauth2CredentialProvider(r -> r.name(name).credentialProviderVendor(Names.OAUTH_VENDOR_CUSTOM)
            .oauth2ProviderConfigInput(config));
      }
      Outcome outcome = Ownership.existing(spec.scope(), tags, changed);
      log.info("OAuth2 provider {}: {}", name, outcome);
      return new ResourceRef(name, live.credentialProviderArn(), outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure OAuth2 provider " + name, e, secret);
    }
  }

  DeleteResult delete(ResourceDelete input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    return TokenVault.delete(input, "OAuth2 provider", name -> liveTags(input.scope(), name),
        name -> client.deleteOauth2CredentialProvider(r -> r.name(name)), "provider and its stored client secret deleted");
  }

  Observed describe(Lookup input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      return provider(client, input.id()).map(live -> {
        Map<String, Object> p = new LinkedHashMap<>(shape(live));
        p.put("name", live.name());
        p.put("arn", live.credentialProviderArn());
        return new Observed(true, null, tags(client, live), p);
      }).orElseGet(Observed::missing);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore describe OAuth2 provider " + input.id(), e);
    }
  }

  Optional<Map<String, String>> liveTags(Scope scope, String name) {
    BedrockAgentCoreControlClient client = control.in(scope.region());
    return provider(client, name).map(p -> tags(client, p));
  }

  /** Its own tags; where AgentCore cannot list them, its Cognito pool's (none for another issuer). */
  private Map<String, String> tags(BedrockAgentCoreControlClient client, GetOauth2CredentialProviderResponse live) {
    try {
      return ApiKeyProviders.tags(client, live.credentialProviderArn());
    } catch (SdkException e) {
      if (!AwsFailures.hasCode(e, "ValidationException")) {
        throw e;
      }
    }
    Object url = shape(live).get("discoveryUrl");
    java.util.regex.Matcher m = COGNITO_DISCOVERY.matcher(url == null ? "" : url.toString());
    if (!m.matches()) {
      return Map.of();
    }
    try {
      var pool = cognito.in(m.group(1)).describeUserPool(r -> r.userPoolId(m.group(2))).userPool();
      return pool.hasUserPoolTags() ? pool.userPoolTags() : Map.of();
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Map.of(); // a provider whose pool is gone is nobody's we can prove
      }
      throw e;
    }
  }

  /** As {@link GatewayShapes#oauth2Provider}: vendor, discovery URL and client id; no secret is readable. */
  private static Map<String, Object> shape(GetOauth2CredentialProviderResponse live) {
    var custom = live.oauth2ProviderConfigOutput() == null ? null
        : live.oauth2ProviderConfigOutput().customOauth2ProviderConfig();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vendor", live.credentialProviderVendorAsString());
    if (custom != null) {
      if (custom.oauthDiscovery() != null && custom.oauthDiscovery().discoveryUrl() != null) {
        out.put("discoveryUrl", custom.oauthDiscovery().discoveryUrl());
      }
      if (custom.clientId() != null) {
        out.put("clientId", custom.clientId());
      }
    }
    return out;
  }

  private static Optional<GetOauth2CredentialProviderResponse> provider(BedrockAgentCoreControlClient client,
      String name) {
    return AwsFailures.unlessNotFound(() -> client.getOauth2CredentialProvider(r -> r.name(name)));
  }
}
