package io.harnessdeployer.worker;

import io.harnessdeployer.activities.adoption.AdoptionActivitiesImpl;
import io.harnessdeployer.activities.agentcore.AgentCoreActivitiesImpl;
import io.harnessdeployer.activities.agentcore.GatewayActivitiesImpl;
import io.harnessdeployer.activities.cognito.CognitoActivitiesImpl;
import io.harnessdeployer.activities.aws.AwsClients;
import io.harnessdeployer.activities.common.Credentials;
import io.harnessdeployer.activities.common.Polling;
import io.harnessdeployer.activities.discovery.DiscoveryActivitiesImpl;
import io.harnessdeployer.activities.ecr.EcrActivitiesImpl;
import io.harnessdeployer.activities.ecs.EcsActivitiesImpl;
import io.harnessdeployer.activities.health.HealthActivitiesImpl;
import io.harnessdeployer.activities.iam.IamActivitiesImpl;
import io.harnessdeployer.activities.logs.LogsActivitiesImpl;
import io.harnessdeployer.activities.ownership.OwnershipActivitiesImpl;
import io.harnessdeployer.activities.secrets.SecretsActivitiesImpl;
import io.harnessdeployer.activities.sts.StsActivitiesImpl;
import io.harnessdeployer.workflows.secrets.SealKey;
import java.net.URI;
import java.util.List;

/**
 * What the activity implementations are built from; shared by {@code WorkerMain} and the client's
 * embedded {@code dev} stack.
 *
 * @param aws every SDK client, built once; the owner closes it
 * @param sealKey opens the sealed credentials the client sends
 * @param endpointHostOverride null against real AWS; the emulator's base URI otherwise, so the
 *     health check reaches simulated public endpoints
 * @param polling how waits pace themselves ({@link Polling#real()} outside tests)
 */
public record ActivityDeps(
    AwsClients aws, SealKey sealKey, URI endpointHostOverride, Polling polling) {

  /** One instance of each activity implementation; all are thread-safe. */
  public List<Object> activities() {
    Credentials credentials = new Credentials(sealKey);
    IamActivitiesImpl iam = new IamActivitiesImpl(aws.iam());
    SecretsActivitiesImpl secrets = new SecretsActivitiesImpl(aws::secrets, credentials);
    LogsActivitiesImpl logs = new LogsActivitiesImpl(aws::logs);
    EcsActivitiesImpl ecs = new EcsActivitiesImpl(aws::ecs, credentials, polling);
    AgentCoreActivitiesImpl agentCore = new AgentCoreActivitiesImpl(aws::agentCore, aws::harness, credentials, polling);
    CognitoActivitiesImpl cognito = new CognitoActivitiesImpl(aws::cognito, credentials, polling);
    GatewayActivitiesImpl gateway = new GatewayActivitiesImpl(aws::agentCore, aws::cognito, credentials, polling);
    return List.of(
        new StsActivitiesImpl(aws::sts),
        iam,
        secrets,
        logs,
        ecs,
        new EcrActivitiesImpl(aws::ecr, aws.http()),
        new HealthActivitiesImpl(aws.http(), endpointHostOverride, polling),
        agentCore,
        cognito,
        gateway,
        // the preflight reads tags through the same lookups the ensures use
        new OwnershipActivitiesImpl(iam, secrets, logs, ecs, agentCore, cognito, gateway),
        new AdoptionActivitiesImpl(aws.iam(), aws::secrets, aws::logs, aws::ecs, aws::agentCore, aws::harness),
        new DiscoveryActivitiesImpl(aws.iam(), aws::secrets, aws::logs, aws::ecs, aws::agentCore, aws::harness));
  }
}
