package io.harnessdeployer.emulator.services.ecs;

import io.harnessdeployer.emulator.runtime.RequestContext;

/** ECS resource ARNs: {@code arn:aws:ecs:<region>:<account>:<type>/<id>}. */
final class EcsArns {
  private EcsArns() {}

  /** A parsed ECS ARN: the resource type and the part after {@code <type>/}. */
  record Parsed(String region, String account, String type, String id) {}

  static String cluster(RequestContext ctx, String name) {
    return ctx.arn("ecs", "cluster/" + name);
  }

  static String service(RequestContext ctx, String cluster, String name) {
    return ctx.arn("ecs", "service/" + cluster + "/" + name);
  }

  static String taskDefinition(RequestContext ctx, String family, int revision) {
    return ctx.arn("ecs", "task-definition/" + family + ":" + revision);
  }

  static String serviceRevision(RequestContext ctx, String cluster, String service, String id) {
    return ctx.arn("ecs", "service-revision/" + cluster + "/" + service + "/" + id);
  }

  /** Null when {@code arn} is not an ECS ARN with a {@code type/id} resource. */
  static Parsed parse(String arn) {
    String[] p = arn.split(":", 6);
    if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("ecs")) return null;
    int slash = p[5].indexOf('/');
    if (slash <= 0) return null;
    return new Parsed(p[3], p[4], p[5].substring(0, slash), p[5].substring(slash + 1));
  }

  /** A cluster reference may be a short name or a full ARN. */
  static String clusterName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isBlank()) return EcsDefaults.DEFAULT_CLUSTER;
    Parsed p = nameOrArn.startsWith("arn:") ? parse(nameOrArn) : null;
    if (nameOrArn.startsWith("arn:") && (p == null || !p.type().equals("cluster"))) {
      throw EcsMessages.invalidArn(nameOrArn);
    }
    return p == null ? nameOrArn : p.id();
  }
}
