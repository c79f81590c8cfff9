package io.harnessdeployer.client.options;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.InputChecks;
import io.harnessdeployer.client.deploy.UrlChecks;
import io.harnessdeployer.workflows.steps.AssumedRole;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which AWS account and region. Resolution against the environment and {@code .env} happens in
 * {@code config.ConfigResolver}; these are only the flags.
 */
public final class AwsOptions {
  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, AWS_REGION in .env, else us-east-1).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Named AWS profile (default: $AWS_PROFILE, else AWS_PROFILE in .env).")
  String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send AWS calls here instead of AWS (default: $AWS_ENDPOINT_URL), e.g. the local emulator.")
  String endpointUrl;

  @Option(names = "--assume-role-arn", paramLabel = "ARN",
      description = "The worker assumes this IAM role for every AWS call of the deployment (default:"
          + " AWS_ASSUME_ROLE_ARN in the environment or .env); its account is the one deployed to.")
  String assumeRoleArn;

  @Option(names = "--external-id", paramLabel = "ID",
      description = "External id the role's trust policy asks for (default: AWS_EXTERNAL_ID); needs --assume-role-arn.")
  String externalId;

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public String endpointUrl() {
    return endpointUrl;
  }

  /**
   * The role to assume, from the flags, else the environment or {@code .env}, checked (exit 2 on a
   * malformed ARN or external id, or an external id without a role); null when none is given.
   */
  public AssumedRole assumeRole(ConfigResolver config) {
    Optional<Setting> arn = config.find(ConfigKeys.AWS_ASSUME_ROLE_ARN, assumeRoleArn, "--assume-role-arn");
    Optional<Setting> id = config.find(ConfigKeys.AWS_EXTERNAL_ID, externalId, "--external-id");
    if (arn.isEmpty()) {
      id.ifPresent(s -> {
        throw CliException.badInput("an external id" + s.from() + " needs a role: give --assume-role-arn");
      });
      return null;
    }
    String roleArn = InputChecks.named(arn.get(), AssumedRole.ROLE_ARN.pattern(), 2048, "role ARN",
        "e.g. arn:aws:iam::111122223333:role/deployer");
    String external = id.map(s -> InputChecks.named(s, AssumedRole.EXTERNAL_ID.pattern(), 1224, "external id",
        "2 to 1224 characters of letters, digits and _+=,.@:/-")).orElse(null);
    return AssumedRole.of(roleArn, external);
  }

  /** The role flags' shapes alone (every command takes them; deploy and destroy also read the settings keys). */
  public void checkRoleFlags() {
    if (assumeRoleArn != null) {
      InputChecks.named(new Setting(assumeRoleArn.trim(), "--assume-role-arn"), AssumedRole.ROLE_ARN.pattern(), 2048,
          "role ARN", "e.g. arn:aws:iam::111122223333:role/deployer");
    }
    if (externalId != null) {
      InputChecks.named(new Setting(externalId.trim(), "--external-id"), AssumedRole.EXTERNAL_ID.pattern(), 1224,
          "external id", "2 to 1224 characters of letters, digits and _+=,.@:/-");
    }
  }

  /** The flag, else {@code AWS_ENDPOINT_URL}, checked as an http(s) URL with a host; empty when neither is set. */
  public Optional<String> endpoint(Map<String, String> env) {
    String flag = TemporalOptions.firstNonBlank(endpointUrl);
    String fromEnv = TemporalOptions.firstNonBlank(env.get(ConfigKeys.AWS_ENDPOINT_URL));
    Setting s = flag != null ? new Setting(flag, "--endpoint-url")
        : fromEnv != null ? new Setting(fromEnv, "env " + ConfigKeys.AWS_ENDPOINT_URL) : null;
    Optional.ofNullable(s).ifPresent(v -> UrlChecks.url(v, "AWS endpoint URL", false));
    return Optional.ofNullable(s).map(Setting::value);
  }
}
