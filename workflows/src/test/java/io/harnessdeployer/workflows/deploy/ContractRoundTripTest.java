package io.harnessdeployer.workflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.harnessdeployer.workflows.common.DeploymentKey;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.steps.AssumedRole;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.Outcome;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.SecretRef;
import io.harnessdeployer.workflows.steps.ServiceSpec;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records survive Temporal's default JSON converter unchanged (Duration, enums, nesting). */
class ContractRoundTripTest {
  private static final DataConverter JSON = DefaultDataConverter.newDefaultInstance();

  private static <T> T roundTrip(T value, Class<T> type) {
    return JSON.fromPayload(JSON.toPayload(value).orElseThrow(), type, type);
  }

  @Test
  void requestSummaryProgressAndSpecs_roundTrip() {
    DeployRequest req = DeployTestSupport.request().serviceTimeout(Duration.ofMinutes(7))
        .onFailure(OnFailure.ROLLBACK).expectedAccount("210987654321")
        .assumeRole(new AssumedRole("arn:aws:iam::210987654321:role/deployer", "ext-1")).build();
    assertEquals(req, roundTrip(req, DeployRequest.class));
    DeployRequest before = DeployTestSupport.request().build();
    assertEquals(before, roundTrip(before, DeployRequest.class), "no account, no role: as recorded before");
    Scope withRole = new Scope(new DeploymentKey("us-east-1", "dev"), "run", req.assumeRole());
    assertEquals(withRole, roundTrip(withRole, Scope.class));
    assertEquals(new Scope(new DeploymentKey("us-east-1", "dev"), "run"), JSON.fromPayload(JSON.toPayload(
        java.util.Map.of("deployment", java.util.Map.of("region", "us-east-1", "name", "dev"), "runId", "run"))
        .orElseThrow(), Scope.class, Scope.class), "a Scope recorded before the role reads as no role");

    DeploySummary summary = new DeploySummary("us-east-1/dev", DeployStatus.SUCCEEDED, "h-1", "arn:h",
        "h", "READY", "m", "https://x/mcp", "External (user-provided)", "arn:r", "arn:p", null, null,
        null, null, null, null, null, null, "https://console",
        List.of(new ResourceOutcome("harness", "harness", "h-1", Outcome.CREATED)));
    assertEquals(summary, roundTrip(summary, DeploySummary.class));

    DeployProgress progress = new DeployProgress("us-east-1/dev", DeployStatus.PAUSED, "cluster",
        List.of(StepState.pending("cluster", "ECS cluster").running(5L)), "cluster: boom", List.of());
    assertEquals(progress, roundTrip(progress, DeployProgress.class));

    ServiceSpec spec = new ServiceSpec(new Scope(new DeploymentKey("us-east-1", "dev"), "run"), "c", "s",
        "arn:e", "arn:i", "img", "/ecs/x", Map.of("A", "1"), null, List.of(), DeployTestSupport.SEALED, "h");
    assertEquals(spec, roundTrip(spec, ServiceSpec.class));
  }

  @Test
  void harnessConfig_roundTrips_andARequestRecordedBeforeItReadsAsNone() {
    HarnessConfig config = new HarnessConfig(HarnessConfig.Memory.managed(List.of("EPISODIC"), 90), 12, 4000, 300,
        List.of("@zscaler/*"), "be brief");
    DeployRequest req = DeployTestSupport.request().harness(config).build();
    assertEquals(req, roundTrip(req, DeployRequest.class));
    DeployRequest existing = DeployTestSupport.request().harness(new HarnessConfig(
        HarnessConfig.Memory.existing("arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-abcdefghij"),
        null, null, null, List.of("*"), null)).build();
    assertEquals(existing, roundTrip(existing, DeployRequest.class));
    String json = JSON.toPayload(DeployTestSupport.request().build()).orElseThrow().getData().toStringUtf8()
        .replaceFirst(",\\s*\"harness\"\\s*:\\s*\\{.*\\}\\s*}$", "}");
    assertFalse(json.contains("\"harness\":{"), json);
    DeployRequest before = JSON.fromPayload(io.temporal.api.common.v1.Payload.newBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFromUtf8(json)).build(), DeployRequest.class, DeployRequest.class);
    assertEquals(null, before.harness(), "histories before issue 11: no config");
  }

  @Test
  void rotationFields_roundTrip_andResultsRecordedBeforeThemReadAsNotRotated() {
    ServiceSpec rolls = new ServiceSpec(new Scope(new DeploymentKey("us-east-1", "dev"), "run"), "c", "s",
        "arn:e", "arn:i", "img", "/ecs/x", Map.of("A", "1"), "arn:s", List.of("K"), null, null, true);
    assertEquals(rolls, roundTrip(rolls, ServiceSpec.class));
    SecretRef rotated = new SecretRef("n", "arn:s", List.of("ZSCALER_CLIENT_ID"), Outcome.UPDATED, false,
        List.of("ZSCALER_CLIENT_SECRET"));
    assertEquals(rotated, roundTrip(rotated, SecretRef.class));
    ResourceOutcome outcome = new ResourceOutcome("secret", "secret", "n", Outcome.UPDATED, true);
    assertEquals(outcome, roundTrip(outcome, ResourceOutcome.class));

    // a SecretRef and a ServiceSpec as histories of before the rotation hold them
    SecretRef old = JSON.fromPayload(JSON.toPayload(Map.of("name", "n", "arn", "arn:s", "keys", List.of("K"),
        "outcome", "ADOPTED", "managedExternally", false)).orElseThrow(), SecretRef.class, SecretRef.class);
    assertEquals(List.of(), old.rotatedKeys());
    assertFalse(old.rotated());
    Map<String, Object> oldSpec = new java.util.HashMap<>(Map.of("cluster", "c", "serviceName", "s",
        "environment", Map.of(), "secretKeys", List.of()));
    assertFalse(JSON.fromPayload(JSON.toPayload(oldSpec).orElseThrow(), ServiceSpec.class, ServiceSpec.class)
        .secretRotated());
  }
}
