package io.harnessdeployer.client.deploy;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.Topology;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that run before any workflow starts. Each failure is one line naming the value, where it
 * came from and what a valid one looks like; exit code 2.
 */
public final class InputChecks {
  /** IAM role names (CreateRole's pattern). */
  static final String ROLE_NAME_PATTERN = "^[\\w+=,.@-]{1,64}$";
  /** CloudWatch Logs log group names. */
  static final String LOG_GROUP_PATTERN = "^[.\\-_/#A-Za-z0-9]{1,512}$";
  /** Secrets Manager secret names. */
  static final String SECRET_NAME_PATTERN = "^[A-Za-z0-9/_+=.@-]{1,512}$";

  private InputChecks() {}

  public static String harnessName(Setting s) {
    return matching(s, Names.HARNESS_NAME_PATTERN, "harness name",
        "use letters, digits and '_', start with a letter, at most 40 characters, e.g. " + Names.HARNESS_NAME);
  }

  public static String deploymentName(Setting s) {
    return matching(s, Names.DEPLOYMENT_NAME_PATTERN, "deployment name",
        "use letters, digits, '_' and '-', start with a letter or digit, at most 64 characters, e.g. prod_zscaler");
  }

  public static String region(Setting s) {
    return matching(s, Names.REGION_PATTERN, "AWS region", "e.g. us-east-1");
  }

  public static String roleName(Setting s, String what) {
    return matching(s, ROLE_NAME_PATTERN, what, "use letters, digits and +=,.@_-, at most 64 characters");
  }

  public static String ecsName(Setting s, String what) {
    return matching(s, Names.CLUSTER_NAME_PATTERN, what, "use letters, digits, '_' and '-', at most 255 characters");
  }

  public static String providerName(Setting s) {
    return matching(s, Names.PROVIDER_NAME_PATTERN, "credential provider name",
        "use letters, digits, '_' and '-', at most 128 characters");
  }

  public static String logGroup(Setting s) {
    return matching(s, LOG_GROUP_PATTERN, "log group name", "use letters, digits and ._-/#, e.g. " + Names.ECS_LOG_GROUP);
  }

  public static String secretName(Setting s, String what) {
    return matching(s, SECRET_NAME_PATTERN, what, "use letters, digits and /_+=.@-, e.g. " + Names.SECRET_NAME);
  }

  /** Only {@code ecs} is deployed so far; {@code gateway} is a clear bad-input error until it is. */
  public static Topology topology(Setting s) {
    String v = s.value().trim().toLowerCase(Locale.ROOT);
    if (v.equals("ecs")) {
      return Topology.ECS;
    }
    if (v.equals("gateway")) {
      throw CliException.badInput("topology 'gateway'" + s.from() + " is not supported yet: use ecs");
    }
    throw CliException.badInput("unknown topology '" + s.value() + "'" + s.from() + ": use ecs or gateway");
  }

  /** Normalised (spec §9.5) and https only (§2 step 3.4). */
  public static String mcpUrl(Setting s) {
    String url = ContainerEnv.normaliseMcpUrl(s.value());
    if (!url.regionMatches(true, 0, "https://", 0, 8)) {
      throw CliException.badInput("MCP URL must use https://" + s.from() + ": " + url);
    }
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw CliException.badInput("MCP URL has no host" + s.from() + ": " + url);
      }
    } catch (URISyntaxException e) {
      throw CliException.badInput("MCP URL is not a valid URL" + s.from() + ": " + e.getReason());
    }
    return url;
  }

  /**
   * AgentCore Runtime URLs need SigV4, which the harness's {@code remote_mcp} tool cannot send
   * (spec §9.4): worth a warning, not a refusal.
   */
  public static boolean looksSigV4Only(String url) {
    return url.contains("bedrock-agentcore.") && url.contains("/runtimes/");
  }

  public static String imageUri(Setting s) {
    if (s.value().chars().anyMatch(Character::isWhitespace)) {
      throw CliException.badInput("image URI contains whitespace" + s.from());
    }
    return s.value();
  }

  private static String matching(Setting s, String pattern, String what, String hint) {
    if (!Pattern.matches(pattern, s.value())) {
      throw CliException.badInput("invalid " + what + " '" + s.value() + "'" + s.from() + ": " + hint);
    }
    return s.value();
  }
}
