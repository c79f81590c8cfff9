package io.harnessdeployer.workflows.destroy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The destroy records survive Temporal's default JSON converter unchanged. */
class DestroyContractRoundTripTest {
  private static final DataConverter JSON = DefaultDataConverter.newDefaultInstance();

  private static <T> T roundTrip(T value, Class<T> type) {
    return JSON.fromPayload(JSON.toPayload(value).orElseThrow(), type, type);
  }

  @Test
  void requestReportAndProgress_roundTrip() {
    DestroyRequest req = DestroyRequest.builder("dev", "eu-west-1")
        .names(ResourceNames.defaults().withCluster("shared")).byoSecretId("team/zs")
        .externalMcpUrl("https://mcp.example.com").keepEcs(true).forceSecretDelete(true).build();
    assertEquals(req, roundTrip(req, DestroyRequest.class));

    DestroyReport report = new DestroyReport("eu-west-1/dev", DestroyStatus.DESTROY_FAILED, List.of(
        new ResourceReport("cluster", "ecs-cluster", "shared", DestroyOutcome.KEPT_NOT_OURS, "not ours"),
        new ResourceReport("secret", "secret", "s", DestroyOutcome.FAILED, "AccessDenied: no")),
        List.of("a note"));
    assertEquals(report, roundTrip(report, DestroyReport.class));
    String json = new String(JSON.toPayload(report).orElseThrow().getData().toByteArray(), StandardCharsets.UTF_8);
    assertFalse(json.contains("hasFailures") || json.contains("\"failures\""),
        "only the record's components are serialized: " + json);

    DestroyProgress progress = new DestroyProgress("eu-west-1/dev", DestroyStatus.DESTROYING, "cluster",
        List.of(StepState.pending("cluster", "ECS cluster").running(5L)
            .done(9L, "shared", null).compensation(StepStatus.DONE, "DELETED")),
        List.of("secret: AccessDenied: no"));
    assertEquals(progress, roundTrip(progress, DestroyProgress.class));
  }
}
