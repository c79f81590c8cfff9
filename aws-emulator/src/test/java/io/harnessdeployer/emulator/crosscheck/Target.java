package io.harnessdeployer.emulator.crosscheck;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** One endpoint a scenario runs against (moto or the emulator), reached through real SDK v2 clients. */
record Target(String name, URI endpoint) {
  static final Region REGION = Region.US_EAST_1;
  static final String ACCOUNT = "123456789012";

  /** A client for this endpoint: us-east-1, dummy static credentials, no retries. */
  <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    B configured = builder
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    if (configured instanceof AwsSyncClientBuilder<?, ?> sync) sync.httpClient(UrlConnectionHttpClient.create());
    return configured.build();
  }

  @Override
  public String toString() {
    return name;
  }
}
