package io.harnessdeployer.activities.aws;

import io.harnessdeployer.activities.agentcore.HarnessHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Every SDK client the activities use, built once per region on ONE Apache HTTP client (named
 * explicitly, so a second HTTP implementation on the classpath cannot clash) and closed together.
 * The SDK retries fast (standard mode: 3 attempts, jittered, throttling from a 1 s base, {@code
 * Retry-After} as a hint); Temporal owns the long retries, paced by {@link RetryDelays}, so a call
 * gives up well inside the activity's start-to-close timeout.
 */
public final class AwsClients implements AutoCloseable {
  /** Under {@code StepOptions}' 2-minute start-to-close, with room for the activity's own work. */
  public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(75);
  public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(25);

  private final AwsSettings settings;
  private final SdkHttpClient http;
  /** The worker's own credentials, as the settings give them. */
  private final AwsCredentialsProvider own;
  /** {@link #own}, or the role of the running activity's deployment ({@link ScopedRole}). */
  private final RoleCredentials credentials;
  private final ClientOverrideConfiguration overrides;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private final Map<String, HarnessHttpClient> harnesses = new ConcurrentHashMap<>();

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
    ApacheHttpClient.Builder http = ApacheHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(30))
        .maxConnections(50);
    if (settings.endpointOverride() != null && "http".equals(settings.endpointOverride().getScheme())) {
      http.socketFactory(new LazyTlsSocketFactory());
    }
    this.http = http.build();
    this.own = settings.credentialsProvider();
    this.credentials = new RoleCredentials(own, this::ownSts);
    ClientOverrideConfiguration.Builder o =
        ClientOverrideConfiguration.builder()
            .apiCallTimeout(API_CALL_TIMEOUT)
            .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
            .retryStrategy(RetryMode.STANDARD)
            .addExecutionInterceptor(new CallHeartbeats());
    if (settings.profile() != null) {
      o.defaultProfileName(settings.profile()); // its region, endpoint_url and retry settings
    }
    this.overrides = o.build();
  }

  public AwsSettings settings() {
    return settings;
  }

  /** The one HTTP client, for the signed Harness client and the health check. */
  public SdkHttpClient http() {
    return http;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public StsClient sts(String region) {
    return client("sts", region, StsClient::builder);
  }

  /** Signs with the worker's own credentials: the client that assumes deployments' roles. */
  private StsClient ownSts() {
    return (StsClient) clients.computeIfAbsent("sts-own", k -> {
      software.amazon.awssdk.services.sts.StsClientBuilder b = StsClient.builder().httpClient(http).credentialsProvider(own)
          .region(settings.defaultRegionOr(Region.US_EAST_1)).overrideConfiguration(overrides);
      if (settings.endpointOverride() != null) {
        b.endpointOverride(settings.endpointOverride());
      }
      return b.build();
    });
  }

  /** IAM is global: one client, signed for us-east-1 (also behind an endpoint override). */
  public IamClient iam() {
    return client("iam", Region.US_EAST_1.id(), IamClient::builder);
  }

  public EcsClient ecs(String region) {
    return client("ecs", region, EcsClient::builder);
  }

  public CloudWatchLogsClient logs(String region) {
    return client("logs", region, CloudWatchLogsClient::builder);
  }

  public SecretsManagerClient secrets(String region) {
    return client("secretsmanager", region, SecretsManagerClient::builder);
  }

  public EcrClient ecr(String region) {
    return client("ecr", region, EcrClient::builder);
  }

  public CognitoIdentityProviderClient cognito(String region) {
    return client("cognito-idp", region, CognitoIdentityProviderClient::builder);
  }

  public BedrockAgentCoreControlClient agentCore(String region) {
    return client("bedrock-agentcore-control", region, BedrockAgentCoreControlClient::builder);
  }

  /**
   * The signed Harness client on the same HTTP client and credentials. Its endpoint: the override,
   * else {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL} or {@code AWS_ENDPOINT_URL} as the SDK
   * clients read them, else the regional AWS endpoint.
   */
  public HarnessHttpClient harness(String region) {
    return harnesses.computeIfAbsent(region, r -> new HarnessHttpClient(http, credentials, Region.of(r),
        harnessEndpoint(settings.endpointOverride(), System.getenv())));
  }

  static URI harnessEndpoint(URI override, Map<String, String> env) {
    if (override != null) {
      return override;
    }
    for (String name : List.of("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "AWS_ENDPOINT_URL")) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return URI.create(value.trim());
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
      String service, String region, Supplier<B> builder) {
    return (C) clients.computeIfAbsent(service + "@" + region, k -> build(builder.get(), region));
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C build(
      B builder, String region) {
    builder
        .httpClient(http)
        .credentialsProvider(credentials)
        .region(Region.of(region))
        .overrideConfiguration(overrides);
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    return builder.build();
  }

  @Override
  public void close() {
    credentials.close();
    clients.values().forEach(c -> IoUtils.closeQuietly(c, null));
    clients.clear();
    if (settings.ownsCredentials() && own instanceof AutoCloseable closeable) {
      IoUtils.closeQuietly(closeable, null);
    }
    http.close();
  }
}
