package io.harnessdeployer.emulator.services.ecs;

import java.time.Instant;
import java.util.Map;

/**
 * One configuration of an Express service (an {@code ExpressGatewayServiceConfiguration} without its
 * ingress paths, which belong to the service), and when its rollout completes.
 */
record ServiceRevision(
    String arn, String taskDefinitionArn, Map<String, Object> configuration, Instant createdAt, Instant liveAt) {}
