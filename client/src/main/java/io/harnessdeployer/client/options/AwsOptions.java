package io.harnessdeployer.client.options;

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
}
