package io.harnessdeployer.client.live;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.workflows.steps.AssumedRole;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The account a deploy or destroy expects: the client's own credentials', or the role's. */
class ExpectedAccountTest {
  static final Target AWS = new Target("127.0.0.1:7233", "default", null, null);

  @Test
  void theClientsOwnCredentials_nameTheAccount() {
    assertEquals(CliRun.FAKE_ACCOUNT, ExpectedAccount.resolve(CliRun.FAKE_AWS, AWS, "us-east-1", "dev", null));
  }

  @Test
  void withARole_theRolesAccount_withoutAnyCallOfTheClient() {
    LiveAws.Opener never = (t, r, p) -> fail("no STS call: the client may hold no credentials of that account");
    AssumedRole role = new AssumedRole("arn:aws:iam::210987654321:role/deployer", null);
    assertEquals("210987654321", ExpectedAccount.resolve(never, AWS, "us-east-1", null, role));
  }

  @Test
  void aProfileWithoutCredentials_isBadInput() {
    CliException e = assertThrows(CliException.class,
        () -> ExpectedAccount.resolve(CliRun.FAKE_AWS, AWS, "us-east-1", "doesnotexist", null));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith("cannot resolve the AWS account of AWS profile 'doesnotexist'"), e.getMessage());
  }

  /** The real SDK clients: a profile that exists nowhere fails before any network call. */
  @Test
  void aProfileThatDoesNotExist_withTheRealClients_isBadInput() {
    CliException e = assertThrows(CliException.class,
        () -> ExpectedAccount.resolve(LiveLookup::open, AWS, "us-east-1", "no-such-profile-4711", null));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("'no-such-profile-4711'") && !e.getMessage().contains("\n"), e.getMessage());
  }

  /** STS answering Throttling (or a 5xx) this many times before the account. */
  private static LiveAws.Opener failingFirst(int failures, int status, String code, AtomicInteger calls) {
    return (t, r, p) -> (LiveAws) Proxy.newProxyInstance(LiveAws.class.getClassLoader(), new Class<?>[] {LiveAws.class},
        (proxy, m, args) -> switch (m.getName()) {
          case "callerAccount" -> {
            if (calls.incrementAndGet() <= failures) {
              throw AwsServiceException.builder().statusCode(status).message("Rate exceeded")
                  .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("Rate exceeded").build()).build();
            }
            yield CliRun.FAKE_ACCOUNT;
          }
          case "close" -> null;
          default -> m.isDefault() ? InvocationHandler.invokeDefault(proxy, m, args) : fail("unexpected " + m);
        });
  }

  @Test
  void aThrottledSts_isAskedAgain_andTheAccountResolves() {
    AtomicInteger calls = new AtomicInteger();
    List<Long> pauses = new ArrayList<>();
    assertEquals(CliRun.FAKE_ACCOUNT, ExpectedAccount.resolve(failingFirst(2, 400, "Throttling", calls), AWS,
        "us-east-1", null, null, pauses::add));
    assertEquals(3, calls.get());
    assertEquals(List.of(1000L, 2000L), pauses);
  }

  @Test
  void anStsThatKeepsFailingWith500_exits1_notBadInput() {
    AtomicInteger calls = new AtomicInteger();
    CliException e = assertThrows(CliException.class, () -> ExpectedAccount.resolve(
        failingFirst(Integer.MAX_VALUE, 500, "InternalFailure", calls), AWS, "us-east-1", null, null, ms -> {}));
    assertEquals(ExitCodes.FAILED, e.exitCode());
    assertEquals(ExpectedAccount.BACKOFF_MS.length + 1, calls.get());
    assertTrue(e.getMessage().contains("kept failing"), e.getMessage());
  }

  @Test
  void anAccessDeniedSts_isNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    CliException e = assertThrows(CliException.class, () -> ExpectedAccount.resolve(
        failingFirst(Integer.MAX_VALUE, 403, "AccessDenied", calls), AWS, "us-east-1", null, null, ms -> {}));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals(1, calls.get());
  }
}
