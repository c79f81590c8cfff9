package io.harnessdeployer.emulator.services.sts;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.control.RequestLog;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** STS AssumeRole as AWS answers it, and requests signed with the temporary credentials it issues. */
class AssumeRoleTest {
  static final String HOME = EmulatorSettings.DEFAULT_ACCOUNT;
  static final String OTHER = "210987654321";
  static final String TRUST_HOME = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + HOME + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

  Emulator emulator;
  StsClient sts;

  @BeforeEach
  void start() {
    emulator = Emulator.builder().build().start();
    sts = Clients.of(StsClient.builder(), emulator);
  }

  @AfterEach
  void stop() {
    sts.close();
    emulator.close();
  }

  /** A role in another account's IAM, made there directly: no long-term key of that account exists. */
  static void createRole(Emulator emulator, String account, String name, String trust) {
    ServiceHandler iam = emulator.handler("iam").orElseThrow();
    iam.operations().get("CreateRole").invoke(new RequestContext("iam", "CreateRole", account, "us-east-1", "setup",
        Instant.now(), emulator.settings()), Map.of("RoleName", name, "AssumeRolePolicyDocument", trust));
  }

  static String trustWithExternalId(String externalId) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + HOME
        + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + externalId
        + "\"}}}]}";
  }

  @Test
  void assumeRole_issuesTemporaryCredentials_andTheAssumedRoleUser() {
    createRole(emulator, OTHER, "deployer", TRUST_HOME.replace("arn:aws:iam::" + HOME + ":root", HOME));

    AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + OTHER + ":role/deployer")
        .roleSessionName("harness-deployer").durationSeconds(900));

    Credentials c = r.credentials();
    assertTrue(c.accessKeyId().matches("ASIA[A-Z0-9]{16}"), c.accessKeyId());
    assertEquals(40, c.secretAccessKey().length());
    assertTrue(c.sessionToken().length() > 100);
    Instant now = Instant.now();
    assertTrue(c.expiration().isAfter(now.plusSeconds(800)) && c.expiration().isBefore(now.plusSeconds(1000)),
        c.expiration()::toString);
    assertEquals("arn:aws:sts::" + OTHER + ":assumed-role/deployer/harness-deployer", r.assumedRoleUser().arn());
    assertTrue(r.assumedRoleUser().assumedRoleId().matches("AROA[A-Z0-9]+:harness-deployer"),
        r.assumedRoleUser().assumedRoleId());
  }

  @Test
  void theTemporaryCredentials_actInTheRolesAccount_asTheAssumedRole_andTheLogSaysSo() {
    createRole(emulator, OTHER, "deployer", TRUST_HOME);
    Credentials c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + OTHER + ":role/deployer")
        .roleSessionName("s1")).credentials();

    String assumed = "arn:aws:sts::" + OTHER + ":assumed-role/deployer/s1";
    try (StsClient roleSts = Clients.of(StsClient.builder(), emulator, "x", "x");
        IamClient roleIam = IamClient.builder().endpointOverride(emulator.endpoint())
            .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build();
        StsClient sessionSts = StsClient.builder().endpointOverride(emulator.endpoint())
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build();
        IamClient homeIam = Clients.of(IamClient.builder(), emulator)) {
      var me = sessionSts.getCallerIdentity();
      assertEquals(OTHER, me.account());
      assertEquals(assumed, me.arn());
      assertTrue(me.userId().endsWith(":s1"), me.userId());

      String arn = roleIam.createRole(b -> b.roleName("made-by-the-role").assumeRolePolicyDocument(TRUST_HOME))
          .role().arn();
      assertEquals("arn:aws:iam::" + OTHER + ":role/made-by-the-role", arn);
      assertTrue(homeIam.listRoles().roles().isEmpty(), "nothing was written in the caller's own account");
      assertEquals(HOME, roleSts.getCallerIdentity().account(), "a long-term key is still the emulator's user");
    }

    List<RequestLog.Entry> log = emulator.requests().find(null, null);
    assertEquals("arn:aws:iam::" + HOME + ":user/emulator", log.get(0).caller(), "AssumeRole: signed by the user");
    assertEquals(List.of(assumed, assumed), log.subList(1, 3).stream().map(RequestLog.Entry::caller).toList());
  }

  @Test
  void externalId_isHonoured() {
    createRole(emulator, OTHER, "guarded", trustWithExternalId("ext-42"));
    String arn = "arn:aws:iam::" + OTHER + ":role/guarded";

    assertDenied(() -> sts.assumeRole(b -> b.roleArn(arn).roleSessionName("s0")), arn);
    assertDenied(() -> sts.assumeRole(b -> b.roleArn(arn).roleSessionName("s0").externalId("ext-41")), arn);
    assertEquals(OTHER + "", sts.assumeRole(b -> b.roleArn(arn).roleSessionName("s0").externalId("ext-42"))
        .assumedRoleUser().arn().split(":")[4]);
  }

  @Test
  void aMissingRole_aServiceRole_orAnotherAccountsTrust_isAccessDenied() {
    createRole(emulator, OTHER, "ecs-only", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
    createRole(emulator, OTHER, "theirs", TRUST_HOME.replace(HOME, "999999999999"));

    for (String name : List.of("nope", "ecs-only", "theirs")) {
      String arn = "arn:aws:iam::" + OTHER + ":role/" + name;
      assertDenied(() -> sts.assumeRole(b -> b.roleArn(arn).roleSessionName("s0")), arn);
    }
    assertEquals(List.of(403, 403, 403), emulator.requests().find("sts", "AssumeRole").stream()
        .map(RequestLog.Entry::status).toList());
  }

  @Test
  void aSessionKeyWithoutItsToken_isRejected() {
    createRole(emulator, OTHER, "deployer", TRUST_HOME);
    Credentials c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + OTHER + ":role/deployer")
        .roleSessionName("s0")).credentials();

    try (StsClient noToken = Clients.of(StsClient.builder(), emulator, c.accessKeyId(), c.secretAccessKey())) {
      AwsServiceException e = assertThrows(AwsServiceException.class, noToken::getCallerIdentity);
      assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void withSignatureChecks_theSessionSecretSigns() {
    EmulatorSettings d = EmulatorSettings.defaults();
    EmulatorSettings verifying = new EmulatorSettings(d.accountId(), d.defaultRegion(), d.latency(), Clock.systemUTC(),
        true, "test", "test");
    try (Emulator e = Emulator.builder().settings(verifying).build().start();
        StsClient user = Clients.of(StsClient.builder(), e)) {
      createRole(e, OTHER, "deployer", TRUST_HOME);
      Credentials c = user.assumeRole(b -> b.roleArn("arn:aws:iam::" + OTHER + ":role/deployer")
          .roleSessionName("s0")).credentials();
      try (StsClient good = session(e, c, c.secretAccessKey()); StsClient bad = session(e, c, "wrong-secret")) {
        assertEquals(OTHER, good.getCallerIdentity().account());
        AwsServiceException x = assertThrows(AwsServiceException.class, bad::getCallerIdentity);
        assertEquals("SignatureDoesNotMatch", x.awsErrorDetails().errorCode());
      }
    }
  }

  private static StsClient session(Emulator e, Credentials c, String secret) {
    return StsClient.builder().endpointOverride(e.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsSessionCredentials.create(c.accessKeyId(), secret, c.sessionToken())))
        .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
        .build();
  }

  private static void assertDenied(org.junit.jupiter.api.function.Executable call, String roleArn) {
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
    assertEquals(403, e.statusCode());
    assertEquals("User: arn:aws:iam::" + HOME + ":user/emulator is not authorized to perform: sts:AssumeRole"
        + " on resource: " + roleArn, e.awsErrorDetails().errorMessage());
  }
}
