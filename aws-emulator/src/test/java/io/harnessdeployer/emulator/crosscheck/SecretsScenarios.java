package io.harnessdeployer.emulator.crosscheck;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets Manager scenarios: duplicates, missing secrets, recovery window, restore, force delete. */
final class SecretsScenarios {
  private SecretsScenarios() {}

  static Map<String, Scenario> all() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.put("secretsmanager.createTwice", SecretsScenarios::createTwice);
    all.put("secretsmanager.getMissing", SecretsScenarios::getMissing);
    all.put("secretsmanager.deleteWithRecoveryWindowThenRestore", SecretsScenarios::deleteWithRecoveryWindowThenRestore);
    all.put("secretsmanager.forceDelete", SecretsScenarios::forceDelete);
    return all;
  }

  private static void createTwice(Target target, Observations seen) {
    try (SecretsManagerClient sm = target.client(SecretsManagerClient.builder())) {
      String arn = seen.call("CreateSecret", () -> sm.createSecret(b -> b.name("diff/twice").secretString("{}"))).arn();
      seen.value("arn shape", arn.matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:diff/twice-[A-Za-z0-9]{6}"));
      seen.call("CreateSecret again", () -> sm.createSecret(b -> b.name("diff/twice").secretString("{}")));
    }
  }

  private static void getMissing(Target target, Observations seen) {
    try (SecretsManagerClient sm = target.client(SecretsManagerClient.builder())) {
      seen.call("GetSecretValue missing", () -> sm.getSecretValue(b -> b.secretId("diff/never-created")));
      seen.call("DescribeSecret missing", () -> sm.describeSecret(b -> b.secretId("diff/never-created")));
      seen.call("DeleteSecret missing", () -> sm.deleteSecret(b -> b.secretId("diff/never-created")));
    }
  }

  private static void deleteWithRecoveryWindowThenRestore(Target target, Observations seen) {
    try (SecretsManagerClient sm = target.client(SecretsManagerClient.builder())) {
      String name = "diff/recoverable";
      var created = seen.call("CreateSecret", () -> sm.createSecret(b -> b.name(name).secretString("{\"k\":\"v\"}")));
      var deleted = seen.call("DeleteSecret window 7", () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)));
      seen.value("DeletionDate set", deleted.deletionDate() != null);
      var described = seen.call("DescribeSecret while scheduled", () -> sm.describeSecret(b -> b.secretId(name)));
      seen.value("DeletedDate set", described.deletedDate() != null);
      seen.value("DeletionDate is 7 days out",
          Duration.between(described.createdDate(), deleted.deletionDate()).plusHours(12).toDays());
      seen.value("ARN unchanged", deleted.arn().equals(created.arn()));
      seen.call("GetSecretValue while scheduled", () -> sm.getSecretValue(b -> b.secretId(name)));
      seen.call("CreateSecret same name while scheduled", () -> sm.createSecret(b -> b.name(name).secretString("{}")));
      seen.call("DeleteSecret again while scheduled", () -> sm.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L)));
      seen.call("RestoreSecret", () -> sm.restoreSecret(b -> b.secretId(name)));
      seen.value("DeletedDate after restore", sm.describeSecret(b -> b.secretId(name)).deletedDate());
      seen.value("value after restore", sm.getSecretValue(b -> b.secretId(name)).secretString());
    }
  }

  private static void forceDelete(Target target, Observations seen) {
    try (SecretsManagerClient sm = target.client(SecretsManagerClient.builder())) {
      String name = "diff/forced";
      seen.call("CreateSecret", () -> sm.createSecret(b -> b.name(name).secretString("{}")));
      seen.call("DeleteSecret force", () -> sm.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true)));
      seen.call("DescribeSecret after force delete", () -> sm.describeSecret(b -> b.secretId(name)));
      seen.call("GetSecretValue after force delete", () -> sm.getSecretValue(b -> b.secretId(name)));
      seen.call("RestoreSecret after force delete", () -> sm.restoreSecret(b -> b.secretId(name)));
    }
  }
}
