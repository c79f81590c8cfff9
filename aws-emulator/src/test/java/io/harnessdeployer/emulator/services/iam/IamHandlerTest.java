package io.harnessdeployer.emulator.services.iam;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.HandlerHarness;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamHandlerTest {
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String INLINE =
      "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
          + " \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"arn:aws:secretsmanager:*\"}}";
  static final String EXEC_POLICY =
      "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
  static final String INFRA_POLICY =
      "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices";

  final IamHandler iam = new IamHandler();
  final HandlerHarness h = new HandlerHarness(iam);

  @Test
  void operations_coverEveryModelOperation() {
    assertEquals(HandlerHarness.modelOperations("iam"), iam.operations().keySet());
  }

  @Test
  void createRole_returnsRealShapedRole() {
    Map<String, Object> role =
        role(
            h.call(
                "CreateRole",
                Map.of(
                    "RoleName", "exec-role",
                    "Path", "/service/",
                    "AssumeRolePolicyDocument", TRUST,
                    "Description", "Task execution role",
                    "Tags", List.of(tag("managed-by", "harness")))));

    assertEquals("exec-role", role.get("RoleName"));
    assertEquals("/service/", role.get("Path"));
    assertTrue(((String) role.get("RoleId")).matches("AROA[A-Z0-9]{17}"), role.get("RoleId").toString());
    assertEquals("arn:aws:iam::123456789012:role/service/exec-role", role.get("Arn"));
    assertEquals(Instant.parse("2026-01-15T10:00:00Z"), role.get("CreateDate"));
    assertEquals(3600, role.get("MaxSessionDuration"));
    assertEquals("Task execution role", role.get("Description"));
    assertEquals(List.of(tag("managed-by", "harness")), role.get("Tags"));
    String encoded = (String) role.get("AssumeRolePolicyDocument");
    assertFalse(encoded.contains("{"), "document must be URL-encoded: " + encoded);
    assertEquals(TRUST, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  @Test
  void urlEncoding_followsRfc3986() {
    assertEquals("%7B%22a%22%3A%20%22b%2A~-_.%2F%22%7D", PolicyDocuments.urlEncode("{\"a\": \"b*~-_./\"}"));
  }

  @Test
  void roleLifecycle_withInlineAndManagedPolicies() {
    createRole("exec-role");
    Map<String, Object> got = role(h.call("GetRole", Map.of("RoleName", "exec-role")));
    assertEquals("exec-role", got.get("RoleName"));
    assertEquals(Map.of(), got.get("RoleLastUsed"));

    h.call("PutRolePolicy", Map.of("RoleName", "exec-role", "PolicyName", "ReadSecrets", "PolicyDocument", INLINE));
    Map<String, Object> policy =
        h.call("GetRolePolicy", Map.of("RoleName", "exec-role", "PolicyName", "ReadSecrets"));
    assertEquals("ReadSecrets", policy.get("PolicyName"));
    assertEquals("exec-role", policy.get("RoleName"));
    assertEquals(INLINE, URLDecoder.decode((String) policy.get("PolicyDocument"), StandardCharsets.UTF_8));
    assertEquals(List.of("ReadSecrets"), h.call("ListRolePolicies", Map.of("RoleName", "exec-role")).get("PolicyNames"));

    h.call("AttachRolePolicy", Map.of("RoleName", "exec-role", "PolicyArn", EXEC_POLICY));
    h.call("AttachRolePolicy", Map.of("RoleName", "exec-role", "PolicyArn", EXEC_POLICY));
    Map<String, Object> attached = h.call("ListAttachedRolePolicies", Map.of("RoleName", "exec-role"));
    assertEquals(
        List.of(Map.of("PolicyName", "AmazonECSTaskExecutionRolePolicy", "PolicyArn", EXEC_POLICY)),
        attached.get("AttachedPolicies"));
    assertEquals(false, attached.get("IsTruncated"));
    assertEquals(
        List.of(),
        h.call("ListAttachedRolePolicies", Map.of("RoleName", "exec-role", "PathPrefix", "/other/"))
            .get("AttachedPolicies"));

    assertEquals(
        "Cannot delete entity, must detach all policies first.",
        h.fails("DeleteRole", Map.of("RoleName", "exec-role"), "DeleteConflictException").getMessage());
    h.call("DetachRolePolicy", Map.of("RoleName", "exec-role", "PolicyArn", EXEC_POLICY));
    assertEquals(
        "Cannot delete entity, must delete policies first.",
        h.fails("DeleteRole", Map.of("RoleName", "exec-role"), "DeleteConflictException").getMessage());
    h.call("DeleteRolePolicy", Map.of("RoleName", "exec-role", "PolicyName", "ReadSecrets"));
    assertEquals(List.of(), h.call("ListRolePolicies", Map.of("RoleName", "exec-role")).get("PolicyNames"));

    h.call("DeleteRole", Map.of("RoleName", "exec-role"));
    assertEquals(
        "The role with name exec-role cannot be found.",
        h.fails("GetRole", Map.of("RoleName", "exec-role"), "NoSuchEntityException").getMessage());
  }

  @Test
  void createRole_duplicateNameInAnyCase_isEntityAlreadyExists() {
    createRole("exec-role");
    h.fails("CreateRole", Map.of("RoleName", "exec-role", "AssumeRolePolicyDocument", TRUST), "EntityAlreadyExistsException");
    assertEquals(
        "Role with name EXEC-ROLE already exists.",
        h.fails(
                "CreateRole",
                Map.of("RoleName", "EXEC-ROLE", "AssumeRolePolicyDocument", TRUST),
                "EntityAlreadyExistsException")
            .getMessage());
  }

  @Test
  void missingRole_isNoSuchEntity_forEveryRoleOperation() {
    Map<String, Map<String, Object>> calls =
        Map.of(
            "GetRole", Map.of("RoleName", "ghost"),
            "DeleteRole", Map.of("RoleName", "ghost"),
            "UpdateAssumeRolePolicy", Map.of("RoleName", "ghost", "PolicyDocument", TRUST),
            "PutRolePolicy", Map.of("RoleName", "ghost", "PolicyName", "p", "PolicyDocument", INLINE),
            "GetRolePolicy", Map.of("RoleName", "ghost", "PolicyName", "p"),
            "DeleteRolePolicy", Map.of("RoleName", "ghost", "PolicyName", "p"),
            "ListRolePolicies", Map.of("RoleName", "ghost"),
            "AttachRolePolicy", Map.of("RoleName", "ghost", "PolicyArn", EXEC_POLICY),
            "DetachRolePolicy", Map.of("RoleName", "ghost", "PolicyArn", EXEC_POLICY),
            "ListAttachedRolePolicies", Map.of("RoleName", "ghost"));
    calls.forEach((op, in) -> h.fails(op, in, "NoSuchEntityException"));
    h.fails("TagRole", Map.of("RoleName", "ghost", "Tags", List.of(tag("a", "b"))), "NoSuchEntityException");
    h.fails("UntagRole", Map.of("RoleName", "ghost", "TagKeys", List.of("a")), "NoSuchEntityException");
    h.fails("ListRoleTags", Map.of("RoleName", "ghost"), "NoSuchEntityException");
  }

  @Test
  void missingPolicies_areNoSuchEntity() {
    createRole("r");
    assertEquals(
        "The role policy with name nope cannot be found.",
        h.fails("GetRolePolicy", Map.of("RoleName", "r", "PolicyName", "nope"), "NoSuchEntityException").getMessage());
    h.fails("DeleteRolePolicy", Map.of("RoleName", "r", "PolicyName", "nope"), "NoSuchEntityException");
    String unknown = "arn:aws:iam::aws:policy/service-role/NoSuchPolicy";
    assertEquals(
        "Policy " + unknown + " does not exist or is not attachable.",
        h.fails("AttachRolePolicy", Map.of("RoleName", "r", "PolicyArn", unknown), "NoSuchEntityException").getMessage());
    h.fails(
        "AttachRolePolicy",
        Map.of("RoleName", "r", "PolicyArn", "arn:aws:iam::123456789012:policy/Custom"),
        "NoSuchEntityException");
    assertEquals(
        "Policy " + INFRA_POLICY + " was not found.",
        h.fails("DetachRolePolicy", Map.of("RoleName", "r", "PolicyArn", INFRA_POLICY), "NoSuchEntityException")
            .getMessage());
  }

  @Test
  void malformedDocuments_areRejected() {
    assertEquals(
        "This policy contains invalid Json",
        h.fails("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", "{not json"), "MalformedPolicyDocumentException")
            .getMessage());
    h.fails("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", "[]"), "MalformedPolicyDocumentException");
    String trustWithResource = TRUST.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"");
    h.fails("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", trustWithResource), "MalformedPolicyDocumentException");
    h.fails(
        "CreateRole",
        Map.of("RoleName", "r", "AssumeRolePolicyDocument", TRUST.replace("sts:AssumeRole", "s3:GetObject")),
        "MalformedPolicyDocumentException");
    h.fails("GetRole", Map.of("RoleName", "r"), "NoSuchEntityException");

    createRole("r");
    h.fails("PutRolePolicy", Map.of("RoleName", "r", "PolicyName", "p", "PolicyDocument", "{\"Statement\": ["), "MalformedPolicyDocumentException");
    assertEquals(
        "Policy statement must contain resources.",
        h.fails(
                "PutRolePolicy",
                Map.of("RoleName", "r", "PolicyName", "p", "PolicyDocument", INLINE.replace(", \"Resource\": \"arn:aws:secretsmanager:*\"", "")),
                "MalformedPolicyDocumentException")
            .getMessage());
    h.fails(
        "PutRolePolicy",
        Map.of("RoleName", "r", "PolicyName", "p", "PolicyDocument", INLINE.replace("\"Allow\"", "\"Maybe\"")),
        "MalformedPolicyDocumentException");
    h.fails(
        "PutRolePolicy",
        Map.of("RoleName", "r", "PolicyName", "p", "PolicyDocument", INLINE.replace("2012-10-17", "2010-01-01")),
        "MalformedPolicyDocumentException");
    h.fails("PutRolePolicy", Map.of("RoleName", "r", "PolicyName", "p", "PolicyDocument", TRUST), "MalformedPolicyDocumentException");
    h.fails("UpdateAssumeRolePolicy", Map.of("RoleName", "r", "PolicyDocument", INLINE), "MalformedPolicyDocumentException");
    assertEquals(List.of(), h.call("ListRolePolicies", Map.of("RoleName", "r")).get("PolicyNames"));
  }

  @Test
  void updateAssumeRolePolicy_replacesTrust() {
    createRole("r");
    String agentcoreTrust = TRUST.replace("ecs-tasks.amazonaws.com", "bedrock-agentcore.amazonaws.com");
    h.call("UpdateAssumeRolePolicy", Map.of("RoleName", "r", "PolicyDocument", agentcoreTrust));
    String doc = (String) role(h.call("GetRole", Map.of("RoleName", "r"))).get("AssumeRolePolicyDocument");
    assertEquals(agentcoreTrust, URLDecoder.decode(doc, StandardCharsets.UTF_8));
  }

  @Test
  void tags_mergeCaseInsensitively_untagAndList() {
    h.call("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", TRUST, "Tags", List.of(tag("Env", "dev"))));
    h.call("TagRole", Map.of("RoleName", "r", "Tags", List.of(tag("env", "prod"), tag("owner", "me"))));
    assertEquals(List.of(tag("env", "prod"), tag("owner", "me")), h.call("ListRoleTags", Map.of("RoleName", "r")).get("Tags"));
    h.call("UntagRole", Map.of("RoleName", "r", "TagKeys", List.of("ENV", "absent")));
    Map<String, Object> listed = h.call("ListRoleTags", Map.of("RoleName", "r"));
    assertEquals(List.of(tag("owner", "me")), listed.get("Tags"));
    assertEquals(false, listed.get("IsTruncated"));

    h.fails("TagRole", Map.of("RoleName", "r", "Tags", List.of(tag("a", "1"), tag("A", "2"))), "InvalidInputException");
    h.fails(
        "CreateRole",
        Map.of("RoleName", "r2", "AssumeRolePolicyDocument", TRUST, "Tags", List.of(tag("a", "1"), tag("A", "2"))),
        "InvalidInputException");
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) many.add(tag("k" + i, "v"));
    h.fails("TagRole", Map.of("RoleName", "r", "Tags", many), "LimitExceededException");
  }

  @Test
  void listRoles_filtersByPathAndPages() {
    createRole("b-role");
    createRole("a-role");
    h.call("CreateRole", Map.of("RoleName", "svc-role", "Path", "/svc/", "AssumeRolePolicyDocument", TRUST, "Tags", List.of(tag("k", "v"))));

    Map<String, Object> first = h.call("ListRoles", Map.of("MaxItems", 2));
    assertEquals(List.of("a-role", "b-role"), names(first));
    assertEquals(true, first.get("IsTruncated"));
    Map<String, Object> second = h.call("ListRoles", Map.of("MaxItems", 2, "Marker", first.get("Marker")));
    assertEquals(List.of("svc-role"), names(second));
    assertEquals(false, second.get("IsTruncated"));
    assertNull(second.get("Marker"));
    Map<String, Object> svc = firstRole(h.call("ListRoles", Map.of("PathPrefix", "/svc/")));
    assertEquals("svc-role", svc.get("RoleName"));
    assertNull(svc.get("Tags"), "ListRoles does not return tags");
    h.fails("ListRoles", Map.of("Marker", "garbage!"), "InvalidInputException");
  }

  @Test
  void permissionsBoundary_mustBeAKnownPolicy() {
    Map<String, Object> role =
        role(h.call("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", TRUST, "PermissionsBoundary", EXEC_POLICY)));
    assertEquals(
        Map.of("PermissionsBoundaryType", "PermissionsBoundaryPolicy", "PermissionsBoundaryArn", EXEC_POLICY),
        role.get("PermissionsBoundary"));
    h.fails(
        "CreateRole",
        Map.of("RoleName", "r2", "AssumeRolePolicyDocument", TRUST, "PermissionsBoundary", "arn:aws:iam::aws:policy/Nope"),
        "InvalidInputException");
  }

  @Test
  void roleCreatedAt_answersForTheAccountThatOwnsTheRole() {
    Instant created = h.now();
    String arn = (String) createRole("exec-role").get("Arn");
    h.advance(Duration.ofSeconds(30));
    assertEquals(created, iam.roleCreatedAt(HandlerHarness.ACCOUNT, arn).orElseThrow());
    assertTrue(iam.roleCreatedAt("999999999999", arn).isEmpty());
    assertTrue(iam.roleCreatedAt(HandlerHarness.ACCOUNT, arn + "-other").isEmpty());
  }

  @Test
  void rolesAreGlobal_butPerAccount() {
    createRole("r");
    h.as(HandlerHarness.ACCOUNT, "eu-west-1");
    assertEquals("r", role(h.call("GetRole", Map.of("RoleName", "r"))).get("RoleName"));
    h.as("210987654321", "us-east-1");
    h.fails("GetRole", Map.of("RoleName", "r"), "NoSuchEntityException");
  }

  @Test
  void resources_listRoles_andResetForgetsThem() {
    h.call("CreateRole", Map.of("RoleName", "r", "AssumeRolePolicyDocument", TRUST, "Tags", List.of(tag("k", "v"))));
    assertEquals(
        List.of(new ResourceView("iam", "role", "r", "arn:aws:iam::123456789012:role/r", "ACTIVE", Map.of("k", "v"))),
        iam.resources());
    iam.reset();
    assertEquals(List.of(), iam.resources());
    h.fails("GetRole", Map.of("RoleName", "r"), "NoSuchEntityException");
  }

  // --- helpers

  private Map<String, Object> createRole(String name) {
    return role(h.call("CreateRole", Map.of("RoleName", name, "AssumeRolePolicyDocument", TRUST)));
  }

  static Map<String, Object> tag(String k, String v) {
    return Map.of("Key", k, "Value", v);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> role(Map<String, Object> out) {
    return (Map<String, Object>) out.get("Role");
  }

  @SuppressWarnings("unchecked")
  static List<String> names(Map<String, Object> listRoles) {
    return ((List<Map<String, Object>>) listRoles.get("Roles")).stream().map(r -> (String) r.get("RoleName")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> firstRole(Map<String, Object> listRoles) {
    return ((List<Map<String, Object>>) listRoles.get("Roles")).get(0);
  }
}
