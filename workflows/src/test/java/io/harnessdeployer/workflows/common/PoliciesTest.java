package io.harnessdeployer.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode statement(String doc, String sid) throws Exception {
    for (JsonNode s : JSON.readTree(doc).get("Statement")) {
      if (sid.equals(s.path("Sid").asText())) return s;
    }
    throw new AssertionError("no statement " + sid);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void trust_isOneAssumeRoleAllowForTheService() throws Exception {
    JsonNode doc = JSON.readTree(Policies.trust("ecs-tasks.amazonaws.com"));
    assertEquals("2012-10-17", doc.get("Version").asText());
    assertEquals(1, doc.get("Statement").size());
    JsonNode s = doc.get("Statement").get(0);
    assertEquals("ecs-tasks.amazonaws.com", s.at("/Principal/Service").asText());
    assertEquals("sts:AssumeRole", s.get("Action").asText());
    assertFalse(s.has("Condition"));
  }

  @Test
  void harnessInline_hasEveryStatementOfSpec46() throws Exception {
    String doc = Policies.harnessInline("eu-west-1", "111122223333", "my_harness");
    List<String> sids = new ArrayList<>();
    JSON.readTree(doc).get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
    assertEquals(List.of("BedrockModelInvocation", "EcrPublicTokenAccess", "StsForEcrPublicPull",
        "XRayTracingAccess", "CloudWatchLogsGroup", "CloudWatchLogsDescribeGroups", "CloudWatchLogsStream",
        "CloudWatchMetricsPublish", "AgentCoreWorkloadIdentity", "ResolveTokenVaultCredentials",
        "ReadTokenVaultBackingSecrets", "DecryptTokenVaultBackingSecrets"), sids);
    String ac = "arn:aws:bedrock-agentcore:eu-west-1:111122223333:";
    assertEquals(List.of(ac + "workload-identity-directory/default",
        ac + "workload-identity-directory/default/workload-identity/harness_my_harness-*",
        ac + "token-vault/default", ac + "token-vault/default/apikeycredentialprovider/*",
        ac + "token-vault/default/oauth2credentialprovider/*"),
        texts(statement(doc, "ResolveTokenVaultCredentials").get("Resource")));
    assertEquals("secretsmanager.eu-west-1.amazonaws.com",
        statement(doc, "DecryptTokenVaultBackingSecrets").at("/Condition/StringEquals/kms:ViaService").asText());
    assertEquals("bedrock-agentcore",
        statement(doc, "CloudWatchMetricsPublish").at("/Condition/StringEquals/cloudwatch:namespace").asText());
    assertEquals(5, statement(doc, "BedrockModelInvocation").get("Resource").size());
  }

  @Test
  void readZscalerSecrets_coversTheExactArnAndItsSuffixes() throws Exception {
    String arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:zscaler-mcp-harness/credentials-AbC123";
    String doc = Policies.readZscalerSecrets("us-east-1", arn);
    assertEquals(List.of(arn, arn + "-*"), texts(statement(doc, "ReadZscalerCredentialsSecret").get("Resource")));
    assertEquals("secretsmanager.us-east-1.amazonaws.com",
        statement(doc, "DecryptZscalerCredentialsSecret").at("/Condition/StringEquals/kms:ViaService").asText());
  }

  @Test
  void crossAccountEcrPull_isScopedToTheDeployRegionAndRegistryAccount() throws Exception {
    JsonNode doc = JSON.readTree(Policies.crossAccountEcrPull("eu-west-1", "709825985650"));
    assertEquals(2, doc.get("Statement").size());
    assertFalse(doc.get("Statement").get(0).has("Sid"));
    assertEquals("arn:aws:ecr:eu-west-1:709825985650:repository/*", doc.at("/Statement/1/Resource").asText());
  }

  @Test
  void same_comparesIamsUrlEncodedAndReformattedDocuments() {
    String desired = Policies.trust("ecs.amazonaws.com");
    String pretty = desired.replace(",", ",\n  ");
    assertTrue(Policies.same(URLEncoder.encode(pretty, StandardCharsets.UTF_8), desired));
    assertTrue(Policies.same(pretty, desired));
    assertFalse(Policies.same(Policies.trust("ecs-tasks.amazonaws.com"), desired));
    assertFalse(Policies.same(null, desired));
  }

  @Test
  void tree_parsesUrlEncodedAndReformattedDocumentsToTheSameTree() throws Exception {
    String desired = Policies.readZscalerSecrets("us-east-1", "arn:aws:secretsmanager:us-east-1:1:secret:s-Ab");
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(desired));
    assertEquals(Policies.tree(desired), Policies.tree(URLEncoder.encode(pretty, StandardCharsets.UTF_8)));
    assertEquals(List.of("arn:aws:secretsmanager:us-east-1:1:secret:s-Ab", "arn:aws:secretsmanager:us-east-1:1:secret:s-Ab-*"),
        ((java.util.Map<?, ?>) ((List<?>) Policies.tree(desired).get("Statement")).get(0)).get("Resource"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Policies.tree("{not json"));
  }
}
