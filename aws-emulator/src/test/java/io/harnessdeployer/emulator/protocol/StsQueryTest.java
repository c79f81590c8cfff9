package io.harnessdeployer.emulator.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class StsQueryTest {
  static Emulator emulator;
  static StsClient sts;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().build().start();
    sts = Clients.of(StsClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    sts.close();
    emulator.close();
  }

  @Test
  void getCallerIdentity_returnsAccountAndUserArn() {
    GetCallerIdentityResponse id = sts.getCallerIdentity();
    assertEquals("123456789012", id.account());
    assertEquals("arn:aws:iam::123456789012:user/emulator", id.arn());
    assertEquals("AIDAEMULATOR0000USER", id.userId());
  }
}
