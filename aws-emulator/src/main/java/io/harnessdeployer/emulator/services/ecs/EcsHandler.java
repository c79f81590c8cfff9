package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.EndpointHost;
import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ECS: clusters, Express Gateway services and the task definitions they register. */
public final class EcsHandler implements ServiceHandler, EndpointHost {
  private final AccountRegionStore<EcsState> store = AccountRegionStore.regional(EcsState::new);
  private final EndpointIndex endpoints = new EndpointIndex();
  private final Clock clock;
  private final McpServerSimulator mcpServers;
  private final Map<String, Operation> operations;

  /**
   * {@code clock} must be the emulator's ({@code settings.clock()}): operations use the request's time,
   * and the control API's view and the hosted endpoints use this clock.
   */
  public EcsHandler(CloudLookup lookup, Clock clock) {
    this.clock = clock;
    this.mcpServers = new McpServerSimulator(endpoints, lookup);
    ClusterOperations clusters = new ClusterOperations(store);
    ExpressServiceOperations express = new ExpressServiceOperations(store, lookup, endpoints);
    TaskDefinitionOperations taskDefinitions = new TaskDefinitionOperations(store);
    TagOperations tags = new TagOperations(store);
    this.operations =
        Map.ofEntries(
            Map.entry("CreateCluster", clusters::createCluster),
            Map.entry("DescribeClusters", clusters::describeClusters),
            Map.entry("ListClusters", clusters::listClusters),
            Map.entry("DeleteCluster", clusters::deleteCluster),
            Map.entry("ListServices", clusters::listServices),
            Map.entry("CreateExpressGatewayService", express::createExpressGatewayService),
            Map.entry("DescribeExpressGatewayService", express::describeExpressGatewayService),
            Map.entry("UpdateExpressGatewayService", express::updateExpressGatewayService),
            Map.entry("DeleteExpressGatewayService", express::deleteExpressGatewayService),
            Map.entry("DescribeTaskDefinition", taskDefinitions::describeTaskDefinition),
            Map.entry("ListTaskDefinitions", taskDefinitions::listTaskDefinitions),
            Map.entry("DeregisterTaskDefinition", taskDefinitions::deregisterTaskDefinition),
            Map.entry("DeleteTaskDefinitions", taskDefinitions::deleteTaskDefinitions),
            Map.entry("TagResource", tags::tagResource),
            Map.entry("UntagResource", tags::untagResource),
            Map.entry("ListTagsForResource", tags::listTagsForResource));
  }

  public EcsHandler(CloudLookup lookup) {
    this(lookup, Clock.systemUTC());
  }

  @Override
  public String service() {
    return "ecs";
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  /** The simulated MCP server behind every Express service's public endpoint. */
  public McpServerSimulator mcpServers() {
    return mcpServers;
  }

  /** Express endpoint hosts ({@code <id>.ecs.<region>.on.aws}), known or not: unknown ones answer 404. */
  @Override
  public boolean owns(String host) {
    return mcpServers.serves(host);
  }

  @Override
  public Response answer(Request request) {
    return mcpServers.handle(request.host(), request.method(), request.path(), request.body(), clock.instant());
  }

  @Override
  public List<ResourceView> resources() {
    Instant now = clock.instant();
    List<ResourceView> out = new ArrayList<>();
    for (EcsState state : store.all()) {
      synchronized (state) {
        state.taskDefinitions.purge(now);
        state.clusters.values()
            .forEach(c -> out.add(new ResourceView("ecs", "cluster", c.name, c.arn, c.status, Map.copyOf(c.tags))));
        for (ExpressService s : state.services.values()) {
          String status = s.statusCode(now);
          out.add(
              new ResourceView(
                  "ecs", "express-service", s.name, s.arn, status == null ? "PROVISIONING" : status,
                  Map.copyOf(s.tags)));
        }
        for (EcsTaskDefinition td : state.taskDefinitions.all()) {
          out.add(
              new ResourceView(
                  "ecs", "task-definition", td.family + ":" + td.revision, td.arn, td.status, Map.copyOf(td.tags)));
        }
      }
    }
    return out;
  }

  @Override
  public void reset() {
    store.clear();
    endpoints.clear();
  }
}
