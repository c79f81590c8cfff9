package io.harnessdeployer.emulator.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/** Cognito as the gateway topology uses it (spec §3 step 6, §7.3 step 9): pool, resource server, client, domain. */
final class CognitoScenarios {
  private CognitoScenarios() {}

  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("cognito.poolLifecycle", CognitoScenarios::poolLifecycle);
    all.put("cognito.resourceServerAndClient", CognitoScenarios::resourceServerAndClient);
    all.put("cognito.domain", CognitoScenarios::domain);
    return all;
  }

  private static String pool(CognitoIdentityProviderClient idp, String name) {
    return idp.createUserPool(b -> b.poolName(name).adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
        .userPoolTags(Map.of("managed-by", "zscaler-mcp-harness"))).userPool().id();
  }

  private static void poolLifecycle(Target target, Observations seen) {
    try (CognitoIdentityProviderClient idp = target.client(CognitoIdentityProviderClient.builder())) {
      String id = seen.call("CreateUserPool", () -> pool(idp, "diff-pool-lifecycle"));
      var pool = idp.describeUserPool(b -> b.userPoolId(id)).userPool();
      seen.value("name", pool.name());
      seen.value("admin create only", pool.adminCreateUserConfig().allowAdminCreateUserOnly());
      seen.value("tags", pool.userPoolTags());
      seen.value("arn", pool.arn().equals("arn:aws:cognito-idp:us-east-1:" + Target.ACCOUNT + ":userpool/" + id));
      seen.value("listed", idp.listUserPools(b -> b.maxResults(60)).userPools().stream()
          .map(UserPoolDescriptionType::name).filter(n -> n.equals("diff-pool-lifecycle")).count());
      // TagResource is not compared: moto 5.2.1 answers it 500 (not implemented).
      seen.call("DeleteUserPool", () -> idp.deleteUserPool(b -> b.userPoolId(id)));
      seen.call("DescribeUserPool deleted", () -> idp.describeUserPool(b -> b.userPoolId(id)));
      seen.call("DeleteUserPool again", () -> idp.deleteUserPool(b -> b.userPoolId(id)));
    }
  }

  private static void resourceServerAndClient(Target target, Observations seen) {
    try (CognitoIdentityProviderClient idp = target.client(CognitoIdentityProviderClient.builder())) {
      String id = pool(idp, "diff-pool-clients");
      seen.call("DescribeResourceServer missing", () -> idp.describeResourceServer(b -> b.userPoolId(id).identifier("zscaler-mcp")));
      seen.call("CreateResourceServer", () -> idp.createResourceServer(b -> b.userPoolId(id).identifier("zscaler-mcp").name("Zscaler MCP")
          .scopes(s -> s.scopeName("invoke").scopeDescription("Invoke the MCP server"))));
      var rs = idp.describeResourceServer(b -> b.userPoolId(id).identifier("zscaler-mcp")).resourceServer();
      seen.value("scopes", rs.scopes().stream().map(s -> s.scopeName()).toList());
      var client = seen.call("CreateUserPoolClient", () -> idp.createUserPoolClient(b -> b.userPoolId(id).clientName("diff-client")
          .generateSecret(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("zscaler-mcp/invoke")
          .allowedOAuthFlowsUserPoolClient(true).explicitAuthFlowsWithStrings("ALLOW_REFRESH_TOKEN_AUTH")).userPoolClient());
      seen.value("has a secret", client.clientSecret() != null && !client.clientSecret().isEmpty());
      seen.value("listed", idp.listUserPoolClients(b -> b.userPoolId(id).maxResults(60)).userPoolClients().stream()
          .map(UserPoolClientDescription::clientName).toList());
      var described = idp.describeUserPoolClient(b -> b.userPoolId(id).clientId(client.clientId())).userPoolClient();
      seen.value("described secret is the created one", client.clientSecret().equals(described.clientSecret()));
      seen.value("scopes of the client", described.allowedOAuthScopes());
      seen.value("flows of the client", described.allowedOAuthFlowsAsStrings());
      seen.call("DeleteUserPoolClient", () -> idp.deleteUserPoolClient(b -> b.userPoolId(id).clientId(client.clientId())));
      seen.call("DescribeUserPoolClient deleted", () -> idp.describeUserPoolClient(b -> b.userPoolId(id).clientId(client.clientId())));
      seen.call("DescribeUserPoolClient in a missing pool",
          () -> idp.describeUserPoolClient(b -> b.userPoolId("us-east-1_NoSuchPoo").clientId(client.clientId())));
      idp.deleteUserPool(b -> b.userPoolId(id));
    }
  }

  private static void domain(Target target, Observations seen) {
    try (CognitoIdentityProviderClient idp = target.client(CognitoIdentityProviderClient.builder())) {
      String id = pool(idp, "diff-pool-domain");
      String other = pool(idp, "diff-pool-domain-other");
      String prefix = "diff-domain-" + Target.ACCOUNT;
      seen.value("unknown prefix described", idp.describeUserPoolDomain(b -> b.domain(prefix)).domainDescription().userPoolId());
      seen.call("CreateUserPoolDomain", () -> idp.createUserPoolDomain(b -> b.domain(prefix).userPoolId(id)));
      var d = idp.describeUserPoolDomain(b -> b.domain(prefix)).domainDescription();
      seen.value("owner", id.equals(d.userPoolId()));
      seen.value("status", d.statusAsString());
      seen.value("pool names its domain", prefix.equals(idp.describeUserPool(b -> b.userPoolId(id)).userPool().domain()));
      seen.call("CreateUserPoolDomain taken prefix", () -> idp.createUserPoolDomain(b -> b.domain(prefix).userPoolId(other)));
      seen.call("DeleteUserPoolDomain", () -> idp.deleteUserPoolDomain(b -> b.domain(prefix).userPoolId(id)));
      seen.value("deleted prefix described", idp.describeUserPoolDomain(b -> b.domain(prefix)).domainDescription().userPoolId());
      seen.call("DeleteUserPoolDomain again", () -> idp.deleteUserPoolDomain(b -> b.domain(prefix).userPoolId(id)));
      seen.call("DeleteUserPool", () -> idp.deleteUserPool(b -> b.userPoolId(id)));
      idp.deleteUserPool(b -> b.userPoolId(other));
    }
  }
}
