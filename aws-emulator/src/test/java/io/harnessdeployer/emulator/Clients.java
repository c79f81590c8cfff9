package io.harnessdeployer.emulator;

import io.harnessdeployer.emulator.runtime.Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Real AWS SDK clients pointed at an emulator. */
public final class Clients {
  private Clients() {}

  public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, Emulator emulator) {
    return of(builder, emulator, "test", "test");
  }

  public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, Emulator emulator, String key, String secret) {
    return builder
        .endpointOverride(emulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
        .applyMutation(b -> {
          if (b instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> s) {
            s.httpClient(UrlConnectionHttpClient.create());
          }
        })
        .build();
  }
}
