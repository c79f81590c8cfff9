package io.harnessdeployer.emulator.protocol;

import static io.harnessdeployer.emulator.FakeHandler.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** awsQuery through the real IAM client, against a test-only IAM handler. */
class AwsQueryCodecTest {
  static final Instant CREATED = Instant.parse("2025-03-04T05:06:07Z");
  static final AtomicReference<Map<String, Object>> lastInput = new AtomicReference<>();
  static Emulator emulator;
  static IamClient iam;

  @BeforeAll
  static void start() {
    FakeHandler fake = new FakeHandler("iam")
        .on("CreateRole", (ctx, in) -> {
          lastInput.set(in);
          return map("Role", map(
              "Path", in.getOrDefault("Path", "/"),
              "RoleName", in.get("RoleName"),
              "RoleId", "AROAEXAMPLE",
              "Arn", ctx.globalArn("iam", "role/" + in.get("RoleName")),
              "CreateDate", CREATED,
              "AssumeRolePolicyDocument", in.get("AssumeRolePolicyDocument"),
              "MaxSessionDuration", 3600,
              "Tags", in.get("Tags")));
        })
        .on("GetRole", (ctx, in) -> {
          throw AwsServiceError.of("NoSuchEntityException", "The role with name " + in.get("RoleName") + " cannot be found.");
        })
        .on("ListRolePolicies", (ctx, in) -> map("PolicyNames", List.of("a", "b&c"), "IsTruncated", false));
    emulator = Emulator.builder().handler(fake).build().start();
    iam = Clients.of(IamClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    iam.close();
    emulator.close();
  }

  @Test
  void createRole_parsesNestedListInputAndXmlOutput() {
    CreateRoleResponse r = iam.createRole(b -> b.roleName("r1").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}")
        .tags(Tag.builder().key("k1").value("v1").build(), Tag.builder().key("k2").value("v 2").build()));

    assertEquals(List.of(map("Key", "k1", "Value", "v1"), map("Key", "k2", "Value", "v 2")), lastInput.get().get("Tags"));
    assertEquals("r1", r.role().roleName());
    assertEquals("arn:aws:iam::123456789012:role/r1", r.role().arn());
    assertEquals(CREATED, r.role().createDate());
    assertEquals(3600, r.role().maxSessionDuration());
    assertEquals("{\"Version\":\"2012-10-17\"}", r.role().assumeRolePolicyDocument());
    assertEquals(List.of(Tag.builder().key("k1").value("v1").build(), Tag.builder().key("k2").value("v 2").build()), r.role().tags());
  }

  @Test
  void listRolePolicies_parsesMemberListsAndBooleans() {
    ListRolePoliciesResponse r = iam.listRolePolicies(b -> b.roleName("r1"));
    assertEquals(List.of("a", "b&c"), r.policyNames());
    assertFalse(r.isTruncated());
  }

  @Test
  void modeledError_usesAwsQueryCodeAndStatusFromTheModel() {
    NoSuchEntityException e = assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("missing")));
    assertEquals(404, e.statusCode());
    assertEquals("NoSuchEntity", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("The role with name missing cannot be found."), e.getMessage());
    assertFalse(e.requestId() == null || e.requestId().isEmpty());
  }

  @Test
  void constraintViolation_isIamValidationError() {
    IamException e = assertThrows(IamException.class,
        () -> iam.createRole(b -> b.roleName("x".repeat(65)).assumeRolePolicyDocument("{}")));
    assertEquals(400, e.statusCode());
    assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64"),
        e.getMessage());
  }

  @Test
  void modeledOperationWithoutHandler_is501NamingIt() {
    IamException e = assertThrows(IamException.class, () -> iam.deleteRole(b -> b.roleName("r1")));
    assertEquals(501, e.statusCode());
    assertTrue(e.getMessage().contains("iam.DeleteRole"), e.getMessage());
  }
}
