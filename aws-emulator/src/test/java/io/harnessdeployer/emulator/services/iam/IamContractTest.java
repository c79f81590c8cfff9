package io.harnessdeployer.emulator.services.iam;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM through the real SDK client: the awsQuery wire, error codes and statuses included. */
class IamContractTest {
  static final String TRUST = IamHandlerTest.TRUST;
  static final String INLINE = IamHandlerTest.INLINE;
  static final String EXEC_POLICY = IamHandlerTest.EXEC_POLICY;
  static Emulator emulator;
  static IamClient iam;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().build().start();
    iam = Clients.of(IamClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    iam.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.handlers().forEach(ServiceHandler::reset);
  }

  @Test
  void roleLifecycle() {
    Role created =
        iam.createRole(r -> r.roleName("exec-role").assumeRolePolicyDocument(TRUST).description("Task execution role")
                .tags(Tag.builder().key("managed-by").value("harness").build()))
            .role();
    assertTrue(created.roleId().matches("AROA[A-Z0-9]{17}"));
    assertEquals("arn:aws:iam::123456789012:role/exec-role", created.arn());
    assertEquals(TRUST, decode(created.assumeRolePolicyDocument()));

    Role got = iam.getRole(r -> r.roleName("exec-role")).role();
    assertEquals(created.roleId(), got.roleId());
    assertEquals("Task execution role", got.description());
    assertEquals(3600, got.maxSessionDuration());
    assertEquals(List.of(Tag.builder().key("managed-by").value("harness").build()), got.tags());
    assertNotNull(got.roleLastUsed());

    iam.putRolePolicy(r -> r.roleName("exec-role").policyName("ReadZscalerSecrets").policyDocument(INLINE));
    assertEquals(INLINE, decode(iam.getRolePolicy(r -> r.roleName("exec-role").policyName("ReadZscalerSecrets")).policyDocument()));
    assertEquals(List.of("ReadZscalerSecrets"), iam.listRolePolicies(r -> r.roleName("exec-role")).policyNames());

    iam.attachRolePolicy(r -> r.roleName("exec-role").policyArn(EXEC_POLICY));
    assertEquals(
        List.of(AttachedPolicy.builder().policyName("AmazonECSTaskExecutionRolePolicy").policyArn(EXEC_POLICY).build()),
        iam.listAttachedRolePolicies(r -> r.roleName("exec-role")).attachedPolicies());

    DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteRole(r -> r.roleName("exec-role")));
    assertEquals(409, conflict.statusCode());
    assertEquals("DeleteConflict", conflict.awsErrorDetails().errorCode());
    assertEquals("Cannot delete entity, must detach all policies first.", conflict.awsErrorDetails().errorMessage());
    iam.detachRolePolicy(r -> r.roleName("exec-role").policyArn(EXEC_POLICY));
    assertEquals(
        "Cannot delete entity, must delete policies first.",
        assertThrows(DeleteConflictException.class, () -> iam.deleteRole(r -> r.roleName("exec-role"))).awsErrorDetails().errorMessage());
    iam.deleteRolePolicy(r -> r.roleName("exec-role").policyName("ReadZscalerSecrets"));

    iam.tagRole(r -> r.roleName("exec-role").tags(Tag.builder().key("deployment").value("d-1").build()));
    iam.untagRole(r -> r.roleName("exec-role").tagKeys("managed-by"));
    assertEquals(List.of(Tag.builder().key("deployment").value("d-1").build()), iam.listRoleTags(r -> r.roleName("exec-role")).tags());

    String newTrust = TRUST.replace("ecs-tasks", "ecs");
    iam.updateAssumeRolePolicy(r -> r.roleName("exec-role").policyDocument(newTrust));
    Role listed = iam.listRoles().roles().get(0);
    assertEquals(newTrust, decode(listed.assumeRolePolicyDocument()));
    assertEquals(1, iam.listRolesPaginator().roles().stream().count());

    iam.deleteRole(r -> r.roleName("exec-role"));
    NoSuchEntityException missing = assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("exec-role")));
    assertEquals(404, missing.statusCode());
    assertEquals("The role with name exec-role cannot be found.", missing.awsErrorDetails().errorMessage());
  }

  @Test
  void modeledErrors_reachTheClientAsTheirExceptions() {
    iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(TRUST));
    EntityAlreadyExistsException exists =
        assertThrows(EntityAlreadyExistsException.class, () -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(TRUST)));
    assertEquals(409, exists.statusCode());
    MalformedPolicyDocumentException malformed =
        assertThrows(MalformedPolicyDocumentException.class,
            () -> iam.putRolePolicy(r -> r.roleName("r").policyName("p").policyDocument("{not json")));
    assertEquals(400, malformed.statusCode());
    assertThrows(NoSuchEntityException.class,
        () -> iam.attachRolePolicy(r -> r.roleName("r").policyArn("arn:aws:iam::aws:policy/service-role/Unknown")));
    assertThrows(NoSuchEntityException.class, () -> iam.deleteRolePolicy(r -> r.roleName("r").policyName("absent")));
    assertThrows(NoSuchEntityException.class, () -> iam.detachRolePolicy(r -> r.roleName("r").policyArn(EXEC_POLICY)));
    assertThrows(NoSuchEntityException.class, () -> iam.updateAssumeRolePolicy(r -> r.roleName("ghost").policyDocument(TRUST)));
  }

  @Test
  void inputBreakingTheModel_isValidationError() {
    IamException e =
        assertThrows(IamException.class, () -> iam.createRole(r -> r.roleName("x".repeat(65)).assumeRolePolicyDocument(TRUST)));
    assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
