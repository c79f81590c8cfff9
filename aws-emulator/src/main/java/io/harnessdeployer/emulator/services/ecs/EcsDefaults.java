package io.harnessdeployer.emulator.services.ecs;

/** Values real ECS fills in when the caller leaves them out, and the API's limits. */
final class EcsDefaults {
  static final String DEFAULT_CLUSTER = "default";

  // Express Gateway service defaults, as documented on CreateExpressGatewayService.
  static final String CPU = "256";
  static final String MEMORY = "512";
  static final String HEALTH_CHECK_PATH = "/ping";
  static final int CONTAINER_PORT = 80;
  static final int MIN_TASKS = 1;
  static final int MAX_TASKS = 20;
  static final String SCALING_METRIC = "AVERAGE_CPU";
  static final int SCALING_TARGET_VALUE = 60;
  /** Express requires (and itself registers) a task definition whose container is named Main. */
  static final String MAIN_CONTAINER = "Main";

  /** Express endpoints look like {@code zs-<16 hex>.ecs.<region>.on.aws}. */
  static final String ENDPOINT_PREFIX = "zs-";
  static final String ENDPOINT_SUFFIX = ".on.aws";

  static final int LIST_SERVICES_PAGE = 10;
  static final int LIST_CLUSTERS_PAGE = 100;
  static final int LIST_TASK_DEFINITIONS_PAGE = 100;
  static final int MAX_PAGE = 100;
  static final int DELETE_TASK_DEFINITIONS_MAX = 10;

  private EcsDefaults() {}

  static String endpointHost(String id, String region) {
    return id + ".ecs." + region + ENDPOINT_SUFFIX;
  }
}
