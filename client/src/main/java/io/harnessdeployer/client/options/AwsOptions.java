package io.harnessdeployer.client.options;

import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.deploy.UrlChecks;
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

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public String endpointUrl() {
    return endpointUrl;
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
