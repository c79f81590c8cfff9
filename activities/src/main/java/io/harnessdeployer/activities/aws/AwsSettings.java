package io.harnessdeployer.activities.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * How to reach AWS. Every field may be null: then the SDK resolves it the way the AWS CLI does
 * ({@code AWS_PROFILE}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL[_<SERVICE>]}, profile
 * {@code endpoint_url}, the default credential chain).
 *
 * @param region fallback region for callers that have none; each deployment carries its own
 * @param profile a named profile of {@code ~/.aws/config}; credentials, region and endpoint_url
 *     come from it unless given here
 * @param endpointOverride one endpoint for every service (the emulator, {@code --endpoint-url})
 * @param credentials explicit credentials (tests); wins over {@code profile}
 */
public record AwsSettings(
    String region, String profile, URI endpointOverride, AwsCredentialsProvider credentials) {

  /** Everything from the environment and the default profile, like a bare {@code aws} command. */
  public static AwsSettings standard() {
    return new AwsSettings(null, null, null, null);
  }

  /** One endpoint for all services, e.g. the local emulator. */
  public static AwsSettings endpoint(URI endpoint, String region, AwsCredentialsProvider credentials) {
    return new AwsSettings(region, null, endpoint, credentials);
  }

  /** The credentials provider the clients use; the caller closes it if {@link #ownsCredentials()}. */
  AwsCredentialsProvider credentialsProvider() {
    if (credentials != null) {
      return credentials;
    }
    if (profile != null) {
      return ProfileCredentialsProvider.builder().profileName(profile).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** True when {@link #credentialsProvider()} builds a provider that must be closed with the clients. */
  boolean ownsCredentials() {
    return credentials == null;
  }

  /** The explicit region, else the SDK's chain, else {@code fallback} when the chain finds none. */
  public Region defaultRegionOr(Region fallback) {
    try {
      return defaultRegion();
    } catch (RuntimeException none) {
      return fallback;
    }
  }

  /** The explicit region, else the SDK's region chain (env, system property, profile, IMDS). */
  public Region defaultRegion() {
    if (region != null && !region.isBlank()) {
      return Region.of(region);
    }
    DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
    if (profile != null) {
      chain.profileName(profile);
    }
    return chain.build().getRegion();
  }
}
