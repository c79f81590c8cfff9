package io.harnessdeployer.client.live;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.local.Target;
import io.harnessdeployer.workflows.steps.AssumedRole;
import org.junit.jupiter.api.Test;

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
}
