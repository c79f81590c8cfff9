package io.harnessdeployer.client.commands;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.client.CliRun;
import io.harnessdeployer.client.ExitCodes;
import io.harnessdeployer.client.config.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --profile, --assume-role-arn, --external-id and --endpoint-url for deploy and destroy: bad input
 * is one line, exit 2, and no workflow starts (the Temporal connector fails the test if touched).
 */
class AccountFlagsTest {
  @TempDir Path dir;

  CliRun run(Map<String, String> env, String... args) throws Exception {
    Files.writeString(dir.resolve(".env"), DeployInputErrorsTest.GOOD_ENV);
    return CliRun.run(CliRun.context(dir, env, Prompter.NONE, CliRun.NO_TEMPORAL), args);
  }

  void assertBadInput(CliRun run, String expected) {
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.toString());
    assertEquals(1, run.errorLines().size(), run.toString());
    assertTrue(run.errorLines().get(0).startsWith("error: " + expected), run.toString());
    assertTrue(run.errorLines().get(0).length() <= 200, run.errorLines().get(0));
  }

  @Test
  void aProfileWithoutCredentials_deployAndDestroy() throws Exception {
    assertBadInput(run(Map.of(), "deploy", "--profile", "doesnotexist", "--yes"),
        "cannot resolve the AWS account of AWS profile 'doesnotexist'");
    assertBadInput(run(Map.of("AWS_PROFILE", "doesnotexist"), "destroy", "--yes"),
        "cannot resolve the AWS account of AWS profile 'doesnotexist'");
  }

  @Test
  void aMalformedRoleArn_fromTheFlagOrTheSettings() throws Exception {
    assertBadInput(run(Map.of(), "deploy", "--assume-role-arn", "arn:aws:iam::12345:role/x", "--yes"),
        "invalid role ARN 'arn:aws:iam::12345:role/x' (from --assume-role-arn)");
    assertBadInput(run(Map.of("AWS_ASSUME_ROLE_ARN", "arn:aws:iam::123456789012:user/bob"), "destroy", "--yes"),
        "invalid role ARN 'arn:aws:iam::123456789012:user/bob' (from env AWS_ASSUME_ROLE_ARN)");
  }

  @Test
  void anExternalId_withoutARole_orMalformed() throws Exception {
    assertBadInput(run(Map.of(), "deploy", "--external-id", "ext-1", "--yes"),
        "an external id (from --external-id) needs a role: give --assume-role-arn");
    assertBadInput(run(Map.of(), "deploy", "--assume-role-arn", "arn:aws:iam::123456789012:role/x",
        "--external-id", "has space", "--yes"), "invalid external id 'has space' (from --external-id)");
  }

  @Test
  void anEndpointUrl_thatIsNotTheLocalStack_isRefused() throws Exception {
    String refusal = "--endpoint-url reaches only this CLI, not the worker that makes the ";
    assertBadInput(run(Map.of(), "deploy", "--endpoint-url", "http://127.0.0.1:4566", "--yes"), refusal + "deploy's");
    assertBadInput(run(Map.of(), "destroy", "--endpoint-url", "http://127.0.0.1:4566", "--yes"), refusal + "destroy's");
  }
}
