package io.harnessdeployer.emulator.services;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class DefaultServicesTest {
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  @Test
  void registersIamLogsSecretsManagerAndEcr() {
    Set<String> services =
        DefaultServices.create(EmulatorSettings.defaults()).stream().map(ServiceHandler::service).collect(Collectors.toSet());
    assertTrue(services.containsAll(Set.of("iam", "logs", "secretsmanager", "ecr")), services.toString());
  }

  @Test
  void cloudLookup_seesRolesAndSecretsCreatedThroughTheSdk() {
    HandlerHarness.MutableClock clock = new HandlerHarness.MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (Emulator emulator = Emulator.builder().settings(EmulatorSettings.defaults().withClock(clock)).build().start();
        IamClient iam = Clients.of(IamClient.builder(), emulator);
        SecretsManagerClient sm = Clients.of(SecretsManagerClient.builder(), emulator)) {
      CloudLookup cloud =
          new HandlerCloudLookup(
              (IamHandler) emulator.handler("iam").orElseThrow(),
              (SecretsManagerHandler) emulator.handler("secretsmanager").orElseThrow());

      String roleArn =
          iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST))
              .role().arn();
      String secretArn = sm.createSecret(r -> r.name("creds").secretString("{\"ZSCALER_CLIENT_ID\":\"id\"}")).arn();

      assertEquals(clock.instant(), cloud.roleCreatedAt(EmulatorSettings.DEFAULT_ACCOUNT, roleArn).orElseThrow());
      assertEquals(Map.of("ZSCALER_CLIENT_ID", "id"), cloud.secretJson(EmulatorSettings.DEFAULT_ACCOUNT, "us-east-1", secretArn).orElseThrow());
      sm.deleteSecret(r -> r.secretId("creds"));
      assertTrue(cloud.secretJson(EmulatorSettings.DEFAULT_ACCOUNT, "us-east-1", secretArn).isEmpty());
    }
  }
}
