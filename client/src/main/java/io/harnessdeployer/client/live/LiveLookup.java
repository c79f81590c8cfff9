package io.harnessdeployer.client.live;

import io.harnessdeployer.activities.agentcore.Harness;
import io.harnessdeployer.activities.agentcore.HarnessApiException;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.aws.AwsSettings;
import io.harnessdeployer.client.local.LocalStack;
import io.harnessdeployer.client.local.Target;
import java.net.URI;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayTargetResponse;
import software.amazon.awssdk.services.ecs.model.AccessType;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.IngressPathSummary;

/**
 * Asks AWS (or the local emulator) for the live state of a deployment's harness and service (or
 * Runtime and Gateway), with
 * the same clients the activities use. A failed lookup is reported in the state, never thrown:
 * {@code status} must still show what Temporal knows.
 */
public final class LiveLookup implements LiveAws {
  private static final Set<String> GONE = Set.of("ResourceNotFoundException", "ServiceNotFoundException");

  private final AwsClients aws;

  public LiveLookup(AwsClients aws) {
    this.aws = aws;
  }

  /** Clients for the target; see {@link #clients}. */
  public static LiveAws open(Target target, String region, String profile) {
    return new LiveLookup(clients(target, region, profile));
  }

  /** The AWS clients of the target: the test credentials on the local stack, else the standard chain. */
  public static AwsClients clients(Target target, String region, String profile) {
    if (target.awsIsLocal()) {
      return new AwsClients(AwsSettings.endpoint(URI.create(target.awsEndpoint()), region, LocalStack.credentials()));
    }
    URI endpoint = target.awsEndpoint() == null ? null : URI.create(target.awsEndpoint());
    return new AwsClients(new AwsSettings(region, profile, endpoint, null));
  }

  /** {@code --profile}, else {@code AWS_PROFILE} from the environment or the settings file; null for none. */
  public static String profile(io.harnessdeployer.client.CliContext ctx, java.nio.file.Path envFile, String flag) {
    return new io.harnessdeployer.client.config.ConfigResolver(ctx.env(),
        io.harnessdeployer.client.config.EnvFiles.load(ctx.cwd(), envFile), ctx.prompter())
        .find(io.harnessdeployer.client.config.ConfigKeys.AWS_PROFILE, flag, "--profile")
        .map(io.harnessdeployer.client.deploy.InputChecks::profile).orElse(null);
  }

  @Override
  public LiveAws warm(String region) {
    aws.harness(region);
    aws.ecs(region);
    return this;
  }

  @Override
  public HarnessState harness(String region, String harnessId) {
    if (harnessId == null) {
      return HarnessState.unknown(null);
    }
    try {
      Harness h = aws.harness(region).getHarness(harnessId);
      return new HarnessState(harnessId, h.arn(), h.status(), null);
    } catch (HarnessApiException e) {
      if (GONE.contains(e.code())) {
        return new HarnessState(harnessId, null, "NOT_FOUND", null);
      }
      return new HarnessState(harnessId, null, null, e.getMessage());
    } catch (SdkException e) {
      return new HarnessState(harnessId, null, null, message(e));
    }
  }

  @Override
  public ServiceState service(String region, String serviceArn) {
    if (serviceArn == null) {
      return ServiceState.unknown(null);
    }
    try {
      ECSExpressGatewayService s = aws.ecs(region).describeExpressGatewayService(r -> r.serviceArn(serviceArn)).service();
      String status = s.status() == null || s.status().statusCodeAsString() == null
          ? "PROVISIONING" : s.status().statusCodeAsString();
      return new ServiceState(serviceArn, status, publicEndpoint(s), null);
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() != null && GONE.contains(e.awsErrorDetails().errorCode())) {
        return new ServiceState(serviceArn, "NOT_FOUND", null, null);
      }
      return new ServiceState(serviceArn, null, null, message(e));
    } catch (SdkException e) {
      return new ServiceState(serviceArn, null, null, message(e));
    }
  }

  @Override
  public RuntimeState runtime(String region, String runtimeId) {
    if (runtimeId == null) {
      return RuntimeState.unknown(null);
    }
    try {
      GetAgentRuntimeResponse r = aws.agentCore(region).getAgentRuntime(b -> b.agentRuntimeId(runtimeId));
      String image = r.agentRuntimeArtifact() == null || r.agentRuntimeArtifact().containerConfiguration() == null
          ? null : r.agentRuntimeArtifact().containerConfiguration().containerUri();
      return new RuntimeState(runtimeId, r.agentRuntimeArn(), r.agentRuntimeName(), r.statusAsString(), image, null);
    } catch (AwsServiceException e) {
      if (gone(e)) {
        return new RuntimeState(runtimeId, null, null, "NOT_FOUND", null, null);
      }
      return new RuntimeState(runtimeId, null, null, null, null, message(e));
    } catch (SdkException e) {
      return new RuntimeState(runtimeId, null, null, null, null, message(e));
    }
  }

  @Override
  public GatewayState gateway(String region, String gatewayId, String targetId) {
    if (gatewayId == null) {
      return GatewayState.unknown(null);
    }
    BedrockAgentCoreControlClient client = aws.agentCore(region);
    GetGatewayResponse g;
    try {
      g = client.getGateway(b -> b.gatewayIdentifier(gatewayId));
    } catch (AwsServiceException e) {
      return new GatewayState(gatewayId, null, gone(e) ? "NOT_FOUND" : null, null, targetId, null, null,
          gone(e) ? null : message(e));
    } catch (SdkException e) {
      return new GatewayState(gatewayId, null, null, null, targetId, null, null, message(e));
    }
    String targetName = null;
    String targetStatus = null;
    if (targetId != null) {
      try {
        GetGatewayTargetResponse t = client.getGatewayTarget(b -> b.gatewayIdentifier(gatewayId).targetId(targetId));
        targetName = t.name();
        targetStatus = t.statusAsString();
      } catch (AwsServiceException e) {
        targetStatus = gone(e) ? "NOT_FOUND" : "UNKNOWN"; // the seed's word for a failed target lookup
      } catch (SdkException e) {
        targetStatus = "UNKNOWN";
      }
    }
    return new GatewayState(gatewayId, g.name(), g.statusAsString(), g.gatewayUrl(), targetId, targetName, targetStatus,
        null);
  }

  private static boolean gone(AwsServiceException e) {
    return e.awsErrorDetails() != null && GONE.contains(e.awsErrorDetails().errorCode());
  }

  @Override
  public List<FoundResources.Found> resources(io.harnessdeployer.workflows.common.DeploymentKey key,
      io.harnessdeployer.workflows.deploy.ResourceNames names) {
    return FoundResources.find(aws, key, names);
  }

  @Override
  public String callerAccount(String region) {
    return aws.sts(region).getCallerIdentity().account();
  }

  /** The PUBLIC ingress endpoint of the newest active configuration, as a bare host. */
  private static String publicEndpoint(ECSExpressGatewayService s) {
    List<ExpressGatewayServiceConfiguration> configs = s.hasActiveConfigurations() ? s.activeConfigurations() : List.of();
    if (configs.isEmpty() || !configs.get(configs.size() - 1).hasIngressPaths()) {
      return null;
    }
    for (IngressPathSummary path : configs.get(configs.size() - 1).ingressPaths()) {
      if (path.accessType() == AccessType.PUBLIC && path.endpoint() != null && !path.endpoint().isBlank()) {
        return io.harnessdeployer.workflows.common.ContainerEnv.hostOf(path.endpoint());
      }
    }
    return null;
  }

  private static String message(SdkException e) {
    if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      return ase.awsErrorDetails().errorCode() + ": " + ase.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public void close() {
    aws.close();
  }
}
