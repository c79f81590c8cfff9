package io.harnessdeployer.emulator.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;

/** IAM role scenarios: missing and duplicate roles, and deletion blocked by policies. */
final class IamScenarios {
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
  static final String MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

  private IamScenarios() {}

  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("iam.getMissingRole", IamScenarios::getMissingRole);
    all.put("iam.createRoleTwice", IamScenarios::createRoleTwice);
    all.put("iam.deleteRoleWithAttachedPolicy", IamScenarios::deleteRoleWithAttachedPolicy);
    all.put("iam.deleteRoleWithInlinePolicy", IamScenarios::deleteRoleWithInlinePolicy);
    all.put("iam.deleteMissingRole", IamScenarios::deleteMissingRole);
    return all;
  }

  private static void getMissingRole(Target target, Observations seen) {
    try (IamClient iam = target.client(IamClient.builder())) {
      seen.call("GetRole missing", () -> iam.getRole(b -> b.roleName("diff-iam-missing")));
    }
  }

  private static void createRoleTwice(Target target, Observations seen) {
    try (IamClient iam = target.client(IamClient.builder())) {
      var role = seen.call("CreateRole", () -> create(iam, "diff-iam-twice")).role();
      seen.value("arn", role.arn());
      seen.value("path", role.path());
      seen.call("CreateRole again", () -> create(iam, "diff-iam-twice"));
      seen.value("GetRole arn", iam.getRole(b -> b.roleName("diff-iam-twice")).role().arn());
    }
  }

  private static void deleteRoleWithAttachedPolicy(Target target, Observations seen) {
    try (IamClient iam = target.client(IamClient.builder())) {
      String name = "diff-iam-attached";
      seen.call("CreateRole", () -> create(iam, name));
      seen.call("AttachRolePolicy", () -> iam.attachRolePolicy(b -> b.roleName(name).policyArn(MANAGED)));
      seen.call("DeleteRole while attached", () -> iam.deleteRole(b -> b.roleName(name)));
      seen.value("role still there", iam.getRole(b -> b.roleName(name)).role().roleName());
      seen.call("DetachRolePolicy", () -> iam.detachRolePolicy(b -> b.roleName(name).policyArn(MANAGED)));
      seen.call("DetachRolePolicy again", () -> iam.detachRolePolicy(b -> b.roleName(name).policyArn(MANAGED)));
      seen.call("DeleteRole", () -> iam.deleteRole(b -> b.roleName(name)));
      seen.call("GetRole after delete", () -> iam.getRole(b -> b.roleName(name)));
    }
  }

  private static void deleteRoleWithInlinePolicy(Target target, Observations seen) {
    try (IamClient iam = target.client(IamClient.builder())) {
      String name = "diff-iam-inline";
      seen.call("CreateRole", () -> create(iam, name));
      seen.call("PutRolePolicy", () -> iam.putRolePolicy(b -> b.roleName(name).policyName("inline").policyDocument(INLINE)));
      seen.call("DeleteRole with inline policy", () -> iam.deleteRole(b -> b.roleName(name)));
      seen.call("DeleteRolePolicy", () -> iam.deleteRolePolicy(b -> b.roleName(name).policyName("inline")));
      seen.call("DeleteRolePolicy again", () -> iam.deleteRolePolicy(b -> b.roleName(name).policyName("inline")));
      seen.call("DeleteRole", () -> iam.deleteRole(b -> b.roleName(name)));
    }
  }

  private static void deleteMissingRole(Target target, Observations seen) {
    try (IamClient iam = target.client(IamClient.builder())) {
      seen.call("DeleteRole missing", () -> iam.deleteRole(b -> b.roleName("diff-iam-never-created")));
      seen.call("PutRolePolicy on missing role",
          () -> iam.putRolePolicy(b -> b.roleName("diff-iam-never-created").policyName("p").policyDocument(INLINE)));
    }
  }

  private static software.amazon.awssdk.services.iam.model.CreateRoleResponse create(IamClient iam, String name) {
    return iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST));
  }
}
