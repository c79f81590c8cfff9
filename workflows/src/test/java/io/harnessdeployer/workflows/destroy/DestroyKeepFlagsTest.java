package io.harnessdeployer.workflows.destroy;

import static io.harnessdeployer.workflows.destroy.DestroyOutcome.*;
import static io.harnessdeployer.workflows.destroy.DestroyTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.workflows.progress.StepState;
import io.harnessdeployer.workflows.progress.StepStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each keep flag keeps exactly what its name says, and nothing else; a later destroy without it
 * removes what was kept (the seed could not: it had deleted its state file, Appendix B.16).
 */
class DestroyKeepFlagsTest {
  @RegisterExtension static final TestWorkflowExtension ext = DestroyTestSupport.extension();

  /** FakeCloud resource key prefix → the destroy step that owns it. */
  static final Map<String, String> STEP_OF = new LinkedHashMap<>();

  static {
    STEP_OF.put("harness/", "harness");
    STEP_OF.put("api-key-provider/", "credential-provider");
    STEP_OF.put("iam-role/zscaler-mcp-harness-execution-role", "harness-role");
    STEP_OF.put("ecs-service/", "service");
    STEP_OF.put("task-definition/", "task-definitions");
    STEP_OF.put("log-group/", "log-group");
    STEP_OF.put("ecs-cluster/", "cluster");
    STEP_OF.put("iam-role/zscaler-mcp-ecs-task-execution-role", "task-execution-role");
    STEP_OF.put("iam-role/zscaler-mcp-ecs-infrastructure-role", "infrastructure-role");
    STEP_OF.put("secret/", "secret");
  }

  enum Flag {
    KEEP_ROLE("--keep-role", b -> b.keepRole(true),
        "harness-role", "task-execution-role", "infrastructure-role"),
    KEEP_ECS("--keep-ecs", b -> b.keepEcs(true), "service", "task-definitions", "log-group", "cluster"),
    KEEP_SECRET("--keep-secret", b -> b.keepSecret(true), "secret");

    final String cli;
    final UnaryOperator<DestroyRequest.Builder> set;
    final Set<String> keeps;

    Flag(String cli, UnaryOperator<DestroyRequest.Builder> set, String... keeps) {
      this.cli = cli;
      this.set = set;
      this.keeps = new TreeSet<>(List.of(keeps));
    }
  }

  private final FakeCloud cloud = new FakeCloud();
  private WorkflowClient client;
  private WorkflowOptions options;

  @BeforeEach
  void setUp(TestWorkflowEnvironment env, Worker worker, WorkflowOptions options) {
    worker.registerActivitiesImplementations(cloud.all());
    env.start();
    this.client = env.getWorkflowClient();
    this.options = options;
  }

  @ParameterizedTest
  @EnumSource(Flag.class)
  void eachFlag_keepsExactlyWhatItNames(Flag flag) {
    deploy(client, options, deployRequest().build());
    DestroyRequest req = flag.set.apply(destroyRequest()).build();
    DestroyWorkflow wf = destroyStub(client, options, req);

    DestroyReport report = wf.destroy(req);

    assertEquals(DestroyStatus.DESTROYED, report.status());
    for (ResourceReport r : report.resources()) {
      boolean kept = flag.keeps.contains(r.step());
      assertEquals(kept ? KEPT_BY_FLAG : DELETED, r.outcome(), r.step());
      assertEquals(kept, r.outcome().kept(), r.step());
      assertEquals(!kept, r.outcome().gone(), r.step());
      if (kept) {
        assertEquals("kept: " + flag.cli, r.detail());
        DestroyWorkflowTest.CALLS.get(r.step()).forEach(call ->
            assertFalse(cloud.calls().contains(call), "a kept resource is never asked about: " + call));
      }
    }
    assertEquals(flag.keeps, remainingSteps());
    for (StepState s : wf.progress().steps()) {
      boolean kept = flag.keeps.contains(s.id());
      assertEquals(kept ? StepStatus.SKIPPED : StepStatus.DONE, s.status(), s.id());
      assertEquals(kept ? "KEPT_BY_FLAG" : "DELETED", s.compensation(), s.id());
    }
    assertEquals(flag == Flag.KEEP_ECS ? 3 : 0, report.notes().size(), report.notes().toString());

    DestroyReport later = destroy(client, options, destroyRequest().build());
    for (ResourceReport r : later.resources()) {
      assertEquals(flag.keeps.contains(r.step()) ? DELETED : ALREADY_GONE, r.outcome(), r.step());
    }
    assertEquals(List.of(), cloud.resources());
  }

  @Test
  void keepEcs_alone_deletesTheRolesAndSecretTheKeptServiceUses_andSaysSo() {
    deploy(client, options, deployRequest().build());
    DestroyReport report = destroy(client, options, destroyRequest().keepEcs(true).build());

    assertEquals(DELETED, report.of("task-execution-role").outcome());
    assertEquals(DELETED, report.of("secret").outcome());
    assertTrue(report.notes().get(0).contains("keeps running and costs money"), report.notes().get(0));
    assertTrue(report.notes().get(1).startsWith("--keep-ecs without --keep-role"), report.notes().get(1));
    assertTrue(report.notes().get(2).startsWith("--keep-ecs without --keep-secret"), report.notes().get(2));
  }

  @Test
  void keepEcs_withABringYourOwnSecret_hasNoSecretNote() {
    DestroyReport report = destroy(client, options,
        destroyRequest().keepEcs(true).byoSecretId("team/zscaler").build());

    assertEquals(2, report.notes().size(), report.notes().toString());
    assertTrue(report.notes().stream().noneMatch(n -> n.contains("--keep-secret")), report.notes().toString());
  }

  @Test
  void allFlags_keepWhatTheSeedsKeepEcsKept_andDeleteOnlyHarnessAndProvider() {
    deploy(client, options, deployRequest().build());
    DestroyReport report = destroy(client, options,
        destroyRequest().keepEcs(true).keepRole(true).keepSecret(true).build());

    assertEquals(List.of("harness", "credential-provider"), report.resources().stream()
        .filter(r -> r.outcome() == DELETED).map(ResourceReport::step).toList());
    assertTrue(report.resources().stream().allMatch(r -> r.outcome() == DELETED || r.outcome() == KEPT_BY_FLAG));
    assertEquals(1, report.notes().size(), "only the running-cost note: nothing the service needs is gone");
    assertEquals(Set.of("service", "task-definitions", "log-group", "cluster", "harness-role",
        "task-execution-role", "infrastructure-role", "secret"), remainingSteps());
  }

  private Set<String> remainingSteps() {
    Set<String> steps = new TreeSet<>();
    for (String resource : cloud.resources()) {
      steps.add(STEP_OF.entrySet().stream().filter(e -> resource.startsWith(e.getKey()))
          .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(resource)));
    }
    return steps;
  }
}
