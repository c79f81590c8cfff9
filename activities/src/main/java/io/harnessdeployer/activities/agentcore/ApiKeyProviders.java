package io.harnessdeployer.activities.agentcore;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Ownership;
import io.harnessdeployer.workflows.graph.Observed;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.ApiKeyProviderSpec;
import io.harnessdeployer.workflows.steps.DeleteOutcome;
import io.harnessdeployer.workflows.steps.DeleteResult;
import io.harnessdeployer.workflows.steps.Lookup;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.ResourceDelete;
import io.harnessdeployer.workflows.steps.ResourceKind;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.ResourceRef;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetApiKeyCredentialProviderResponse;

/**
 * The Token Vault API-key provider (spec §2 step 9): its key is {@code Basic base64(id:secret)},
 * built here from the sealed credentials and sent only to AgentCore; a present provider is updated
 * so the key follows the current credentials.
 */
final class ApiKeyProviders {
  private static final Logger log = LoggerFactory.getLogger(ApiKeyProviders.class);

  private final Regional<BedrockAgentCoreControlClient> control;
  private final Credentials credentials;

  ApiKeyProviders(Regional<BedrockAgentCoreControlClient> control, Credentials credentials) {
    this.control = control;
    this.credentials = credentials;
  }

  ResourceRef ensure(ApiKeyProviderSpec spec) {
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
          // another attempt created it meanwhile: its tags decide, below
          existing = AwsFailures.hasCode(e, "ConflictException", "ValidationException")
              ? provider(client, name) : Optional.empty();
          if (existing.isEmpty()) {
            throw e;
          }
        }
      }
      // the key of another deployment's (or an untagged) provider is never overwritten
      Map<String, String> tags = tags(client, existing.orElseThrow().credentialProviderArn());
      Ownership.require(spec.scope(), ResourceKind.API_KEY_PROVIDER, name, tags);
      String arn = client.updateApiKeyCredentialProvider(r -> r.name(name).apiKey(header))
          .credentialProviderArn();
      Outcome outcome = Ownership.existing(spec.scope(), tags, true);
      log.info("API-key provider {}: {} (key follows the current credentials)", name, outcome);
      return new ResourceRef(name, arn, outcome);
    } catch (SdkException e) {
      throw AwsFailures.classify("AgentCore ensure API-key provider " + name, e, hide);
    }
  }

  DeleteResult delete(ResourceDelete input) {
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    return TokenVault.delete(input, "API-key provider", name -> liveTags(input.scope(), name),
        name -> client.deleteApiKeyCredentialProvider(r -> r.name(name)), "provider and its stored key deleted");
  }

  /** Read-only: name, ARN and tags; never the stored key (GetApiKeyCredentialProvider returns none). */
  Observed describe(Lookup input) {
    String name = input.id();
    BedrockAgentCoreControlClient client = control.in(input.scope().region());
    try {
      Optional<GetApiKeyCredentialProviderResponse> provider = provider(client, name);
      if (provider.isEmpty()) {
        return Observed.missing();
      }
      String arn = provider.get().credentialProviderArn();
      return new Observed(true, null, tags(client, arn), Map.of("name", provider.get().name(), "arn", arn));
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Observed.missing();
      }
      throw AwsFailures.classify("AgentCore describe API-key provider " + name, e);
    }
  }

  /** The tags of the provider of that name; empty if there is none. */
  Optional<Map<String, String>> liveTags(Scope scope, String name) {
    BedrockAgentCoreControlClient client = control.in(scope.region());
    return provider(client, name).map(p -> tags(client, p.credentialProviderArn()));
  }

  private static Optional<GetApiKeyCredentialProviderResponse> provider(
      BedrockAgentCoreControlClient client, String name) {
    return AwsFailures.unlessNotFound(() -> client.getApiKeyCredentialProvider(r -> r.name(name)));
  }

  static Map<String, String> tags(BedrockAgentCoreControlClient client, String arn) {
    return client.listTagsForResource(r -> r.resourceArn(arn)).tags();
  }
}
