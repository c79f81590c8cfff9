package io.harnessdeployer.emulator.control;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.FakeHandler;
import io.harnessdeployer.emulator.Raw;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ResourceView;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code /_emulator/*}: health, resources, request log with masking, faults, reset. */
class ControlApiTest {
  static Emulator emulator;
  static Raw raw;
  static FakeHandler secrets;
  static SecretsManagerClient sm;
  static StsClient sts;
  static IamClient iam;

  @BeforeAll
  static void start() {
    secrets = new FakeHandler("secretsmanager")
        .on("CreateSecret", (ctx, in) -> map("ARN", ctx.arn("secretsmanager", "secret:" + in.get("Name")), "Name", in.get("Name")));
    FakeHandler iamFake = new FakeHandler("iam").on("GetRole", (ctx, in) -> map("Role", map(
        "Path", "/", "RoleName", in.get("RoleName"), "RoleId", "AROA1", "Arn", ctx.globalArn("iam", "role/x"),
        "CreateDate", ctx.now())));
    emulator = Emulator.builder().handler(secrets).handler(iamFake).build().start();
    raw = new Raw(emulator);
    sm = Clients.of(SecretsManagerClient.builder(), emulator);
    sts = Clients.of(StsClient.builder(), emulator);
    iam = Clients.of(IamClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    sm.close();
    sts.close();
    iam.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    assertEquals(200, raw.send("POST", "/_emulator/reset", "").statusCode());
  }

  @Test
  void health_listsServices() {
    Map<String, Object> h = Raw.parse(raw.send("GET", "/_emulator/health", null));
    assertEquals("ok", h.get("status"));
    assertTrue(((List<?>) h.get("services")).containsAll(List.of("sts", "secretsmanager", "iam")));
  }

  @Test
  void resources_fromAllHandlers_filteredByService() {
    secrets.resources.add(new ResourceView("secretsmanager", "secret", "s1", "arn:s1", "ACTIVE", Map.of("k", "v")));
    List<?> all = (List<?>) Raw.parse(raw.send("GET", "/_emulator/resources", null)).get("resources");
    assertEquals(List.of(Map.of("service", "secretsmanager", "type", "secret", "name", "s1", "arn", "arn:s1",
        "status", "ACTIVE", "tags", Map.of("k", "v"))), all);
    assertEquals(List.of(), Raw.parse(raw.send("GET", "/_emulator/resources?service=iam", null)).get("resources"));
  }

  @Test
  void requests_logCallsWithSecretsMasked() {
    sm.createSecret(b -> b.name("zscaler").secretString("{\"clientSecret\":\"hunter2\"}").description("d"));
    sts.getCallerIdentity();
    HttpResponse<String> r = raw.send("GET", "/_emulator/requests?service=secretsmanager&operation=CreateSecret", null);
    assertFalse(r.body().contains("hunter2"), r.body());
    List<?> entries = (List<?>) Raw.parse(r).get("requests");
    assertEquals(1, entries.size());
    Map<?, ?> e = (Map<?, ?>) entries.get(0);
    assertEquals("us-east-1", e.get("region"));
    assertEquals(200, e.get("status"));
    Map<?, ?> params = (Map<?, ?>) e.get("parameters");
    assertEquals("****", params.get("SecretString"));
    assertEquals("zscaler", params.get("Name"));
    assertEquals("d", params.get("Description"));
    assertEquals(2, ((List<?>) Raw.parse(raw.send("GET", "/_emulator/requests", null)).get("requests")).size());
  }

  @Test
  void faults_countFailsNextCallsInTheServiceProtocol() {
    String id = addFault("{\"service\":\"iam\",\"operation\":\"GetRole\",\"errorCode\":\"NoSuchEntityException\",\"count\":2}");
    assertFalse(id.isEmpty());
    NoSuchEntityException e = assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("r")));
    assertEquals(404, e.statusCode());
    assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("r")));
    assertEquals("r", iam.getRole(b -> b.roleName("r")).role().roleName());
    Map<?, ?> logged = (Map<?, ?>) ((List<?>) Raw.parse(raw.send("GET", "/_emulator/requests?operation=GetRole", null)).get("requests")).get(0);
    assertEquals("NoSuchEntityException", logged.get("errorCode"));
  }

  @Test
  void faults_withResource_failOnlyCallsNamingIt() {
    addFault("{\"service\":\"iam\",\"operation\":\"GetRole\",\"errorCode\":\"AccessDenied\","
        + "\"httpStatus\":403,\"count\":1,\"resource\":\"b\"}");
    assertEquals("a", iam.getRole(r -> r.roleName("a")).role().roleName(), "another role's call is not hit");
    IamException e = assertThrows(IamException.class, () -> iam.getRole(r -> r.roleName("b")));
    assertEquals(403, e.statusCode());
    assertEquals("b", iam.getRole(r -> r.roleName("b")).role().roleName(), "count 1: spent");
  }

  @Test
  void faults_unmodeledCodeWithStatus_andWildcardOperation() {
    addFault("{\"service\":\"secretsmanager\",\"errorCode\":\"InternalServiceError\",\"message\":\"boom\"}");
    InternalServiceErrorException e = assertThrows(InternalServiceErrorException.class, () -> sm.createSecret(b -> b.name("x")));
    assertEquals(500, e.statusCode());
    assertEquals("boom", e.awsErrorDetails().errorMessage());
    addFault("{\"service\":\"iam\",\"operation\":\"*\",\"errorCode\":\"Throttling\",\"httpStatus\":400}");
    IamException t = assertThrows(IamException.class, () -> iam.getRole(b -> b.roleName("r")));
    assertEquals("Throttling", t.awsErrorDetails().errorCode());
  }

  @Test
  void faults_probabilityZeroNeverFires_probabilityOneAlways() {
    addFault("{\"service\":\"iam\",\"operation\":\"GetRole\",\"errorCode\":\"NoSuchEntityException\",\"probability\":0.0}");
    for (int i = 0; i < 5; i++) iam.getRole(b -> b.roleName("r"));
    addFault("{\"service\":\"iam\",\"operation\":\"GetRole\",\"errorCode\":\"NoSuchEntityException\",\"probability\":1.0}");
    for (int i = 0; i < 3; i++) assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("r")));
  }

  @Test
  void faults_latencyOnly_delaysTheCallAndSucceeds() {
    addFault("{\"service\":\"sts\",\"operation\":\"GetCallerIdentity\",\"latencyMs\":300,\"count\":1}");
    long t0 = System.nanoTime();
    sts.getCallerIdentity();
    assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300);
  }

  /** The call is applied and logged at once; only its answer waits (a crash "after the call"). */
  @Test
  void faults_holdAfter_appliesAndLogsTheCall_thenHoldsItsAnswer() throws Exception {
    addFault("{\"service\":\"secretsmanager\",\"operation\":\"CreateSecret\",\"holdAfterMs\":1500,\"count\":1}");
    long t0 = System.nanoTime();
    CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> sm.createSecret(b -> b.name("held")).name());
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<?> logged = List.of();
    while (logged.isEmpty() && System.nanoTime() < deadline) {
      logged = (List<?>) Raw.parse(raw.send("GET", "/_emulator/requests?operation=CreateSecret", null)).get("requests");
      Thread.onSpinWait();
    }
    assertEquals(1, logged.size(), "the applied call is in the log while its answer is held");
    assertEquals(200, ((Map<?, ?>) logged.get(0)).get("status"));
    assertFalse(held.isDone(), "the caller has not heard yet");
    assertEquals("held", held.get(10, TimeUnit.SECONDS));
    assertTrue((System.nanoTime() - t0) / 1_000_000 >= 1500);
    assertEquals(400, raw.send("POST", "/_emulator/faults",
        "{\"service\":\"iam\",\"errorCode\":\"Throttling\",\"holdAfterMs\":10}").statusCode());
  }

  @Test
  void faults_deleteOneAndAll() {
    String id = addFault("{\"service\":\"iam\",\"errorCode\":\"NoSuchEntityException\"}");
    assertEquals(1, ((List<?>) Raw.parse(raw.send("GET", "/_emulator/faults", null)).get("faults")).size());
    assertEquals(200, raw.send("DELETE", "/_emulator/faults/" + id, null).statusCode());
    assertEquals(404, raw.send("DELETE", "/_emulator/faults/" + id, null).statusCode());
    iam.getRole(b -> b.roleName("r"));
    addFault("{\"service\":\"iam\",\"errorCode\":\"NoSuchEntityException\"}");
    assertEquals(200, raw.send("DELETE", "/_emulator/faults", null).statusCode());
    iam.getRole(b -> b.roleName("r"));
  }

  @Test
  void reset_clearsStateLogAndFaults() {
    secrets.resources.add(new ResourceView("secretsmanager", "secret", "s1", "arn:s1", "ACTIVE", Map.of()));
    sts.getCallerIdentity();
    addFault("{\"service\":\"sts\",\"errorCode\":\"Throttling\",\"httpStatus\":400}");
    int resets = secrets.resets;
    raw.send("POST", "/_emulator/reset", "");
    assertEquals(resets + 1, secrets.resets);
    assertEquals(List.of(), Raw.parse(raw.send("GET", "/_emulator/resources", null)).get("resources"));
    assertEquals(List.of(), Raw.parse(raw.send("GET", "/_emulator/requests", null)).get("requests"));
    assertEquals(List.of(), Raw.parse(raw.send("GET", "/_emulator/faults", null)).get("faults"));
  }

  @Test
  void badFaultSpec_is400() {
    assertEquals(400, raw.send("POST", "/_emulator/faults", "{\"operation\":\"x\"}").statusCode());
    assertEquals(404, raw.send("GET", "/_emulator/nothing", null).statusCode());
  }

  private static String addFault(String json) {
    HttpResponse<String> r = raw.send("POST", "/_emulator/faults", json, "Content-Type", "application/json");
    assertEquals(201, r.statusCode(), r.body());
    return (String) Raw.parse(r).get("id");
  }
}
