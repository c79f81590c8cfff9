package io.harnessdeployer.workflows.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy documents of spec §4.6, §5.2 and §5.3, as compact JSON: the one builder both the IAM
 * activity (which writes them) and the roles' desired state (which drift compares) use. Pure.
 */
public final class Policies {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION = "2012-10-17";

  private Policies() {}

  /** Trust: one Allow of {@code sts:AssumeRole} to a service principal, no conditions. */
  public static String trust(String servicePrincipal) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", servicePrincipal));
    statement.put("Action", "sts:AssumeRole");
    return document(List.of(statement));
  }

  /** {@code HarnessInlinePolicy} (§4.6). */
  public static String harnessInline(String region, String account, String harnessName) {
    String bedrock = "arn:aws:bedrock:" + region + ":" + account;
    String logs = "arn:aws:logs:" + region + ":" + account + ":log-group:";
    String agentcore = "arn:aws:bedrock-agentcore:" + region + ":" + account;
    String directory = agentcore + ":workload-identity-directory/default";
    String workload = directory + "/workload-identity/harness_" + harnessName + "-*";
    String vault = agentcore + ":token-vault/default";
    return document(List.of(
        allow("BedrockModelInvocation",
            List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse",
                "bedrock:ConverseStream"),
            List.of("arn:aws:bedrock:*::foundation-model/*", bedrock + ":*",
                bedrock + ":inference-profile/*", bedrock + ":application-inference-profile/*",
                "arn:aws:bedrock:*:*:inference-profile/*")),
        allow("EcrPublicTokenAccess", List.of("ecr-public:GetAuthorizationToken"), "*"),
        allow("StsForEcrPublicPull", List.of("sts:GetServiceBearerToken"), "*"),
        allow("XRayTracingAccess",
            List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                "xray:GetSamplingTargets"),
            "*"),
        allow("CloudWatchLogsGroup", List.of("logs:CreateLogGroup", "logs:DescribeLogStreams"),
            logs + Names.HARNESS_RUNTIME_LOG_PREFIX + "*"),
        allow("CloudWatchLogsDescribeGroups", List.of("logs:DescribeLogGroups"), logs + "*"),
        allow("CloudWatchLogsStream", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            logs + Names.HARNESS_RUNTIME_LOG_PREFIX + "*:log-stream:*"),
        condition(allow("CloudWatchMetricsPublish", List.of("cloudwatch:PutMetricData"), "*"),
            "cloudwatch:namespace", "bedrock-agentcore"),
        allow("AgentCoreWorkloadIdentity",
            List.of("bedrock-agentcore:GetWorkloadAccessToken",
                "bedrock-agentcore:GetWorkloadAccessTokenForJWT"),
            List.of(directory, workload)),
        allow("ResolveTokenVaultCredentials",
            List.of("bedrock-agentcore:GetResourceApiKey", "bedrock-agentcore:GetResourceOauth2Token"),
            List.of(directory, workload, vault, vault + "/apikeycredentialprovider/*",
                vault + "/oauth2credentialprovider/*")),
        allow("ReadTokenVaultBackingSecrets", List.of("secretsmanager:GetSecretValue"),
            "arn:aws:secretsmanager:" + region + ":" + account + ":secret:bedrock-agentcore-identity*"),
        kmsViaSecretsManager("DecryptTokenVaultBackingSecrets", region)));
  }

  /** {@code ZscalerRuntimeInline} (§5.4); the secret statements only with a secret (its exact ARN, no {@code -*}). */
  public static String runtimeInline(String region, String account, String secretArn) {
    List<Map<String, Object>> statements = new java.util.ArrayList<>(List.of(
        allow("EcrAuthAndPull",
            List.of("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage", "ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken"),
            "*"),
        allow("CloudWatchLogs",
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups",
                "logs:DescribeLogStreams"),
            "arn:aws:logs:" + region + ":" + account + ":log-group:" + Names.HARNESS_RUNTIME_LOG_PREFIX + "*"),
        allow("BedrockInvokeModel", List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"), "*")));
    if (secretArn != null) {
      statements.add(allow("SecretsManagerGet", List.of("secretsmanager:GetSecretValue"), secretArn));
      statements.add(kmsViaSecretsManager("KmsDecryptForSecrets", region));
    }
    return document(statements);
  }

  /** {@code ZscalerGatewayInline} (§5.5): invoke this Runtime, write logs. */
  public static String gatewayInline(String runtimeArn) {
    return document(List.of(
        allow("InvokeRuntimeTarget", List.of("bedrock-agentcore:InvokeAgentRuntime"),
            List.of(runtimeArn, runtimeArn + "/*", runtimeArn + ":*")),
        allow("Logging", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), "*")));
  }

  /** {@code CrossAccountEcrPull} (§5.2): statements without Sids, scoped to the deploy region. */
  public static String crossAccountEcrPull(String region, String registryAccount) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("Effect", "Allow");
    token.put("Action", List.of("ecr:GetAuthorizationToken"));
    token.put("Resource", "*");
    Map<String, Object> pull = new LinkedHashMap<>();
    pull.put("Effect", "Allow");
    pull.put("Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage", "ecr:DescribeImages"));
    pull.put("Resource", "arn:aws:ecr:" + region + ":" + registryAccount + ":repository/*");
    return document(List.of(token, pull));
  }

  /** {@code ReadZscalerSecrets} (§5.2): the exact ARN and {@code ARN-*}, plus KMS via Secrets Manager. */
  public static String readZscalerSecrets(String region, String secretArn) {
    return document(List.of(
        allow("ReadZscalerCredentialsSecret", List.of("secretsmanager:GetSecretValue"),
            List.of(secretArn, secretArn + "-*")),
        kmsViaSecretsManager("DecryptZscalerCredentialsSecret", region)));
  }

  private static Map<String, Object> kmsViaSecretsManager(String sid, String region) {
    return condition(allow(sid, List.of("kms:Decrypt"), "*"), "kms:ViaService",
        "secretsmanager." + region + ".amazonaws.com");
  }

  private static Map<String, Object> allow(String sid, List<String> actions, Object resource) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", "Allow");
    s.put("Action", actions);
    s.put("Resource", resource);
    return s;
  }

  private static Map<String, Object> condition(Map<String, Object> statement, String key, String value) {
    statement.put("Condition", Map.of("StringEquals", Map.of(key, value)));
    return statement;
  }

  private static String document(List<Map<String, Object>> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", VERSION);
    doc.put("Statement", statements);
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A policy document as a plain tree (maps, lists, strings), the form drift compares: IAM returns
   * documents URL-encoded and reformatted, so strings never are.
   */
  public static Map<String, Object> tree(String document) {
    String decoded = document.trim().startsWith("{") ? document : java.net.URLDecoder.decode(document,
        java.nio.charset.StandardCharsets.UTF_8);
    try {
      return JSON.readValue(decoded, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON policy document", e);
    }
  }

  /** True when two policy documents say the same (IAM returns them URL-encoded and reformatted). */
  public static boolean same(String live, String desired) {
    if (live == null) {
      return false;
    }
    String decoded = live.trim().startsWith("{") ? live : java.net.URLDecoder.decode(live,
        java.nio.charset.StandardCharsets.UTF_8);
    try {
      return JSON.readTree(decoded).equals(JSON.readTree(desired));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
