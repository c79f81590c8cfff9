package io.harnessdeployer.emulator.protocol;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.Emulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateApiKeyCredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetApiKeyCredentialProviderResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationExceptionReason;

/** restJson1 through the real AgentCore control client, against a test-only handler. */
class RestJson1CodecTest {
  static final Instant CREATED = Instant.parse("2025-03-04T05:06:07Z");
  static final AtomicReference<Map<String, Object>> lastInput = new AtomicReference<>();
  static Emulator emulator;
  static BedrockAgentCoreControlClient control;

  @BeforeAll
  static void start() {
    FakeHandler fake = new FakeHandler("bedrock-agentcore-control")
        .on("CreateApiKeyCredentialProvider", (ctx, in) -> {
          lastInput.set(in);
          return map("name", in.get("name"), "credentialProviderArn", ctx.arn("bedrock-agentcore", "token-vault/default/apikeycredentialprovider/" + in.get("name")),
              "apiKeySecretArn", map("secretArn", ctx.arn("secretsmanager", "secret:x")));
        })
        .on("GetApiKeyCredentialProvider", (ctx, in) -> {
          if (!"known".equals(in.get("name"))) throw AwsServiceError.of("ResourceNotFoundException", "no provider " + in.get("name"));
          return map("name", "known", "credentialProviderArn", "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/known",
              "apiKeySecretArn", map("secretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:x"),
              "createdTime", CREATED, "lastUpdatedTime", CREATED);
        })
        .on("DeleteApiKeyCredentialProvider", (ctx, in) -> map())
        .on("GetAgentRuntime", (ctx, in) -> {
          lastInput.set(in);
          return map("agentRuntimeArn", ctx.arn("bedrock-agentcore", "runtime/" + in.get("agentRuntimeId")),
              "agentRuntimeName", "rt", "agentRuntimeId", in.get("agentRuntimeId"),
              "agentRuntimeVersion", in.getOrDefault("agentRuntimeVersion", "1"), "createdAt", CREATED,
              "lastUpdatedAt", CREATED, "roleArn", "arn:aws:iam::123456789012:role/r",
              "networkConfiguration", map("networkMode", "PUBLIC"), "status", "READY",
              "lifecycleConfiguration", map("idleRuntimeSessionTimeout", 900),
              "environmentVariables", map("A", "1"));
        });
    emulator = Emulator.builder().handler(fake).build().start();
    control = Clients.of(BedrockAgentCoreControlClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    control.close();
    emulator.close();
  }

  @Test
  void create_bodyMembersInMapsOut_status201() {
    CreateApiKeyCredentialProviderResponse r =
        control.createApiKeyCredentialProvider(b -> b.name("p1").apiKey("sekret").tags(Map.of("team", "a")));
    assertEquals(Map.of("team", "a"), lastInput.get().get("tags"));
    assertEquals("p1", r.name());
    assertEquals("arn:aws:secretsmanager:us-east-1:123456789012:secret:x", r.apiKeySecretArn().secretArn());
    assertEquals(201, r.sdkHttpResponse().statusCode());
  }

  @Test
  void get_epochSecondsTimestamps() {
    GetApiKeyCredentialProviderResponse r = control.getApiKeyCredentialProvider(b -> b.name("known"));
    assertEquals(CREATED, r.createdTime());
  }

  @Test
  void uriLabelQueryStringAndIsoTimestamps() {
    GetAgentRuntimeResponse r = control.getAgentRuntime(b -> b.agentRuntimeId("rt-abc1234567").agentRuntimeVersion("3"));
    assertEquals(Map.of("agentRuntimeId", "rt-abc1234567", "agentRuntimeVersion", "3"), lastInput.get());
    assertEquals("3", r.agentRuntimeVersion());
    assertEquals(CREATED, r.createdAt());
    assertEquals(Map.of("A", "1"), r.environmentVariables());
    assertEquals(900, r.lifecycleConfiguration().idleRuntimeSessionTimeout());
  }

  @Test
  void delete_noContent204() {
    assertEquals(204, control.deleteApiKeyCredentialProvider(b -> b.name("known")).sdkHttpResponse().statusCode());
  }

  @Test
  void modeledError_404FromErrorTrait() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> control.getApiKeyCredentialProvider(b -> b.name("nope")));
    assertEquals(404, e.statusCode());
    assertEquals("no provider nope", e.awsErrorDetails().errorMessage());
  }

  @Test
  void constraintViolation_isValidationExceptionWithFieldList() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> control.createApiKeyCredentialProvider(b -> b.name("bad name")));
    assertEquals(400, e.statusCode());
    assertEquals(ValidationExceptionReason.FIELD_VALIDATION_FAILED, e.reason());
    assertEquals("name", e.fieldList().get(0).name());
    assertTrue(e.fieldList().get(0).message().contains("regular expression"), e.fieldList().toString());
  }
}
