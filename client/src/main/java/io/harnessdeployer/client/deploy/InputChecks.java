package io.harnessdeployer.client.deploy;

import static io.harnessdeployer.client.output.UserText.quote;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.output.UserText;
import io.harnessdeployer.workflows.common.ContainerEnv;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.secrets.SealKeys;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that run before any workflow starts. Each failure is one line naming the value (quoted
 * with {@code UserText.quote}: shortened, escaped), where it came from and what a valid one looks
 * like; exit code 2. Lengths are checked before patterns, so a huge value gets a short message.
 */
public final class InputChecks {
  /** IAM role names (CreateRole: 64 characters of [\w+=,.@-]). */
  static final String ROLE_NAME_PATTERN = "^[\\w+=,.@-]{1,64}$";
  /** CloudWatch Logs log group names (512 characters). */
  static final String LOG_GROUP_PATTERN = "^[.\\-_/#A-Za-z0-9]{1,512}$";
  /** Secrets Manager secret names (512 characters). */
  static final String SECRET_NAME_PATTERN = "^[A-Za-z0-9/_+=.@-]{1,512}$";
  /**
   * The partitions' region patterns (aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc): {@code
   * us-east-1}, {@code cn-north-1}, {@code us-gov-west-1}, {@code us-isob-east-1}; not {@code
   * us-east-1a} (a zone) or {@code US-EAST-1}.
   */
  static final String REGION_PATTERN =
      "^(?:(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z]+-\\d{1,2}|us-(?:gov|iso|isob|isof)-[a-z]+-\\d{1,2}"
          + "|eu-isoe-[a-z]+-\\d{1,2}|eusc-de-[a-z]+-\\d{1,2})$";
  /** ECS container images: 255 characters of letters, digits and {@code -_:./#@} (a digest adds '@'). */
  static final String IMAGE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/#@-]{0,254}$";
  /** Bedrock model ids, inference-profile ids and their ARNs (at most 2048 characters). */
  static final String MODEL_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,2047}$";

  /**
   * Cognito pool and app client names: Cognito's {@code [\w\s+=,.@-]} with spaces only (its
   * {@code \s} would let a tab or a line break through into one-line output).
   */
  static final String COGNITO_NAME_PATTERN = "^[\\w +=,.@-]{1,128}$";
  /** Resource server identifiers (Cognito: 256 printable characters): plain or URL-like, e.g. https://api.example.com. */
  static final String RESOURCE_SERVER_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,255}$";
  /** Custom scope names (Cognito: 256 characters, no '/', which separates them from the identifier). */
  static final String SCOPE_NAME_PATTERN = "^[A-Za-z0-9._:-]{1,256}$";
  /** A domain label is 63 characters, less the {@code -<12-digit account>} always appended. */
  static final int DOMAIN_PREFIX_MAX = 63 - 13;

  static final String PROFILE_PATTERN = "^[A-Za-z0-9_.+=,@/:-]{1,128}$";
  static final String SECRET_ARN_PATTERN =
      "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+$";

  /**
   * Where the AgentCore harness is offered, per the AgentCore "Supported AWS Regions" table
   * (docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-regions.html). Elsewhere a
   * deploy is allowed, with a warning: the list grows faster than this code.
   */
  public static final Set<String> HARNESS_REGIONS = Set.of("us-east-1", "us-east-2", "us-west-2", "eu-central-1",
      "eu-west-1", "eu-west-2", "eu-south-1", "eu-west-3", "eu-south-2", "eu-north-1", "ap-southeast-5",
      "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-7");

  private InputChecks() {}

  public static String harnessName(Setting s) {
    return named(s, Names.HARNESS_NAME_PATTERN, 40, "harness name",
        "use letters, digits and '_', start with a letter, at most 40 characters, e.g. " + Names.HARNESS_NAME);
  }

  public static String deploymentName(Setting s) {
    return named(s, Names.DEPLOYMENT_NAME_PATTERN, 64, "deployment name",
        "use letters, digits, '_' and '-', start with a letter or digit, at most 64 characters, e.g. prod_zscaler");
  }

  public static String region(Setting s) {
    return named(s, REGION_PATTERN, 20, "AWS region", "e.g. us-east-1, eu-central-2, us-gov-west-1, cn-north-1");
  }

  public static String roleName(Setting s, String what) {
    return named(s, ROLE_NAME_PATTERN, 64, what, "use letters, digits and +=,.@_-, at most 64 characters");
  }

  public static String ecsName(Setting s, String what) {
    return named(s, Names.CLUSTER_NAME_PATTERN, 255, what,
        "use letters, digits, '_' and '-', start with a letter or digit, at most 255 characters");
  }

  public static String providerName(Setting s) {
    return named(s, Names.PROVIDER_NAME_PATTERN, 128, "credential provider name",
        "use letters, digits, '_' and '-', at most 128 characters");
  }

  public static String runtimeName(Setting s) {
    return named(s, Names.RUNTIME_NAME_PATTERN, 48, "runtime name",
        "use letters, digits and '_', start with a letter, at most 48 characters, e.g. " + Names.RUNTIME_NAME);
  }

  /** Gateways and gateway targets: letters and digits, single '-' between them. */
  public static String gatewayName(Setting s, String what) {
    return named(s, Names.GATEWAY_NAME_PATTERN, 100, what,
        "use letters, digits and single '-' between them, at most 100 characters, e.g. " + Names.GATEWAY_NAME);
  }

  public static String cognitoName(Setting s, String what) {
    return named(s, COGNITO_NAME_PATTERN, 128, what, "use letters, digits, spaces and _+=,.@-, at most 128 characters");
  }

  public static String resourceServer(Setting s) {
    return named(s, RESOURCE_SERVER_PATTERN, 256, "resource server identifier",
        "use letters, digits and ._:/-, start with a letter or digit, e.g. " + Names.COGNITO_RESOURCE_SERVER);
  }

  public static String scopeName(Setting s) {
    return named(s, SCOPE_NAME_PATTERN, 256, "scope name", "use letters, digits and ._:-, e.g. " + Names.COGNITO_SCOPE);
  }

  public static String domainPrefix(Setting s) {
    return named(s, Names.COGNITO_DOMAIN_PATTERN, DOMAIN_PREFIX_MAX, "Cognito domain prefix",
        "use a-z, 0-9 and inner '-', at most " + DOMAIN_PREFIX_MAX + " (-<account> is appended), e.g. "
            + Names.COGNITO_DOMAIN_PREFIX);
  }

  public static String logGroup(Setting s) {
    return named(s, LOG_GROUP_PATTERN, 512, "log group name", "use letters, digits and ._-/#, e.g. " + Names.ECS_LOG_GROUP);
  }

  public static String secretName(Setting s, String what) {
    return named(s, SECRET_NAME_PATTERN, 512, what, "use letters, digits and /_+=.@-, e.g. " + Names.SECRET_NAME);
  }

  public static String modelId(Setting s) {
    return named(s, MODEL_ID_PATTERN, 2048, "model id", "e.g. " + Names.DEFAULT_MODEL_ID);
  }

  /** AWS CLI profile names: no whitespace, quotes or brackets (they name a [profile …] section). */
  public static String profile(Setting s) {
    return named(s, PROFILE_PATTERN, 128, "AWS profile name", "use letters, digits and _.+=,@/:-");
  }

  /** A secret of the operator's, by name or by Secrets Manager ARN. */
  public static String byoSecret(Setting s) {
    if (s.value().startsWith("arn:")) {
      return named(s, SECRET_ARN_PATTERN, 2048, "secret ARN", "e.g. arn:aws:secretsmanager:us-east-1:111122223333:secret:name");
    }
    return secretName(s, "secret name");
  }

  /**
   * A value that may be secret (a credential, a container variable): checked for length and
   * control characters, and never quoted back.
   */
  public static String unquotable(Setting s, String what, int max) {
    String v = s.value();
    if (v.length() > max) {
      throw CliException.badInput(what + s.from() + " is " + v.length() + " characters long: at most " + max);
    }
    int[] cps = v.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (UserText.hasControl(Character.toString(cps[i]))) {
        throw CliException.badInput(what + s.from() + " holds a control or invisible character at position " + (i + 1)
            + " (not shown: the value may be secret)");
      }
    }
    return v;
  }

  /**
   * {@code HARNESS_DEPLOYER_SEAL_KEY_FILE} names a key shipped to both sides: it must exist (else a
   * fresh key would be created there that no worker has) and be a file.
   */
  public static void sealKeyFile(Map<String, String> env) {
    String file = env.get(SealKeys.ENV_KEY_FILE);
    if (file == null || file.isBlank() || (env.get(SealKeys.ENV_KEY) != null && !env.get(SealKeys.ENV_KEY).isBlank())) {
      return;
    }
    String shown = SealKeys.ENV_KEY_FILE + " " + UserText.quote(file.trim());
    Path path;
    try {
      path = Path.of(file.trim());
    } catch (InvalidPathException e) {
      throw CliException.badInput(shown + " is not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw CliException.badInput(shown + " is a directory: name the key file");
    }
    if (!Files.isRegularFile(path)) {
      throw CliException.badInput(shown + ": no such file (unset it to use ~/.harness-deployer/seal.key)");
    }
  }

  /** {@code ecs} or {@code gateway}, in any case (spec §1.5). */
  public static Topology topology(Setting s) {
    String v = s.value().trim().toLowerCase(Locale.ROOT);
    if (v.equals(Names.TOPOLOGY_ECS)) {
      return Topology.ECS;
    }
    if (v.equals(Names.TOPOLOGY_GATEWAY)) {
      return Topology.GATEWAY;
    }
    throw CliException.badInput("unknown topology " + quote(s.value()) + s.from() + ": use ecs or gateway");
  }

  /** Normalised (spec §9.5), https only (§2 step 3.4), with a host and no userinfo. */
  public static String mcpUrl(Setting s) {
    UrlChecks.url(s, "MCP URL", true);
    return ContainerEnv.normaliseMcpUrl(s.value());
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
    return named(s, IMAGE_PATTERN, 255, "image URI", "use registry/repository:tag or @digest");
  }

  /** Length first (quoting a 10,000-character value helps nobody), then the pattern. */
  public static String named(Setting s, String pattern, int max, String what, String hint) {
    String v = s.value();
    if (v.length() > max) {
      throw CliException.badInput(what + s.from() + " is " + v.length() + " characters long: at most " + max);
    }
    if (!Pattern.matches(pattern, v)) {
      throw CliException.badInput("invalid " + what + " " + quote(v) + s.from() + ": " + hint);
    }
    return v;
  }
}
