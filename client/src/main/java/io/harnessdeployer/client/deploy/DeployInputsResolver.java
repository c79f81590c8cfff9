package io.harnessdeployer.client.deploy;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.ConfigKeys;
import io.harnessdeployer.client.config.ConfigResolver;
import io.harnessdeployer.client.config.Prompts;
import io.harnessdeployer.client.config.ResourceNamesResolver;
import io.harnessdeployer.client.config.Setting;
import io.harnessdeployer.client.options.AwsOptions;
import io.harnessdeployer.workflows.common.HarnessModel;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.deploy.DeployRequest;
import io.harnessdeployer.workflows.deploy.OnFailure;
import io.harnessdeployer.workflows.deploy.ResourceNames;
import io.harnessdeployer.workflows.deploy.Topology;
import io.harnessdeployer.workflows.secrets.SealKey;
import io.harnessdeployer.workflows.secrets.ZscalerCredentials;
import io.harnessdeployer.workflows.steps.HarnessConfig;
import io.harnessdeployer.workflows.steps.SecretMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gathers and checks every deploy input before anything starts, in the seed's order (spec §2 steps
 * 0–5b): names, region, topology, MCP source, credentials, image, secret mode, model. Asks only on a
 * terminal, and choices only without {@code --yes}; otherwise a missing required value is an error
 * with a hint. The credentials are sealed here and never kept in plaintext beyond this call.
 */
public final class DeployInputsResolver {
  /** Zscaler OneAPI ids and secrets are well under this; a longer value is a paste gone wrong. */
  static final int CREDENTIAL_MAX = 1024;
  /** Per container variable; ECS caps the whole task definition at 64 KiB. */
  static final int CONTAINER_VALUE_MAX = 4096;
  private final ConfigResolver config;
  private final Supplier<SealKey> sealKey;
  private final boolean yes;
  private final Prompts prompts;
  private final Consumer<String> notes;
  private boolean askTopology = true;
  private java.nio.file.Path cwd = java.nio.file.Path.of("");

  /** @param notes receives info and warning lines as they arise (never a secret value) */
  public DeployInputsResolver(ConfigResolver config, Supplier<SealKey> sealKey, boolean yes, Consumer<String> notes) {
    this.config = config;
    this.notes = notes;
    this.sealKey = sealKey;
    this.yes = yes;
    this.prompts = new Prompts(config.prompter());
  }

  /** False for what checks an existing deployment (drift, plan): its topology is the deployment's, not a choice. */
  public DeployInputsResolver askTopology(boolean ask) {
    this.askTopology = ask;
    return this;
  }

  /** Where a relative {@code --system-prompt-file} is read from. */
  public DeployInputsResolver cwd(java.nio.file.Path dir) {
    this.cwd = dir;
    return this;
  }

  public DeployInputs resolve(DeployFlags f, AwsOptions aws, String deploymentFlag) {
    return resolve(f, aws, deploymentFlag, true);
  }

  /**
   * @param sealCredentials false for what writes nothing (drift without heal, plan): the
   *     credentials are checked when given, never asked for nor required, and the request carries
   *     none (no seal key is loaded)
   */
  public DeployInputs resolve(DeployFlags f, AwsOptions aws, String deploymentFlag, boolean sealCredentials) {
    String region = InputChecks.region(config.region(aws.region()));
    ResourceNamesResolver.Resolved resolved =
        ResourceNamesResolver.resolve(config, f.names, f.gatewayNames, deploymentFlag, region);
    ResourceNames names = resolved.names();
    String deployment = resolved.deployment();
    if (!InputChecks.HARNESS_REGIONS.contains(region)) {
      notes.accept("[WARN] region " + region + ": the AgentCore harness is not known to be offered there; the deploy"
          + " may fail at the harness step (known: us-east-1, us-west-2, eu-central-1 and 12 more, see the README)");
    }
    Topology topology = topology(f);
    boolean gateway = topology == Topology.GATEWAY;
    String mcpUrl = gateway ? ignoredMcpUrl(f) : mcpUrl(f);
    boolean ownHost = mcpUrl == null; // ECS Express, or the gateway's Runtime
    ZscalerCredentials credentials = credentials(f, ownHost, sealCredentials);
    String image = ownHost ? image() : Names.DEFAULT_IMAGE;
    SecretChoice secret = ownHost ? secretMode(f, gateway) : new SecretChoice(SecretMode.MANAGED, null);
    String model = model(f);
    HarnessConfig harness = new HarnessSettings(config, f.harness, cwd).resolve(model);

    SealKey key = sealCredentials ? sealKey.get() : null;
    if (key != null && key.created()) {
      notes.accept("[INFO] created seal key " + key.origin() + " (id " + key.keyId() + "): the worker must load the same key");
    }
    DeployRequest request = DeployRequest.builder(deployment, region, key == null ? null : credentials.seal(key))
        .topology(topology)
        .names(names)
        .imageUri(image)
        .externalMcpUrl(mcpUrl)
        .modelId(model)
        .secretMode(secret.mode())
        .byoSecretId(secret.byoId())
        .containerEnv(containerEnv())
        .onFailure(f.onFailure == null ? OnFailure.PAUSE : f.onFailure)
        .serviceTimeout(f.timeout == null ? Names.SERVICE_ACTIVE_TIMEOUT : f.timeout)
        .assumeRole(aws.assumeRole(config))
        .harness(harness)
        .build();
    String profile = config.find(ConfigKeys.AWS_PROFILE, aws.profile(), "--profile").map(InputChecks::profile).orElse(null);
    String endpoint = aws.endpoint(config.env()).orElse(null);
    return new DeployInputs(request, profile, endpoint, key == null ? null : key.keyId(),
        config.topology(f.topology).isPresent());
  }

  /** Passed to the container as written: no control characters, a bounded size, values never quoted back. */
  private Map<String, String> containerEnv() {
    Map<String, String> env = config.passThrough();
    env.forEach((key, value) -> InputChecks.unquotable(
        new Setting(value, config.dotEnv().where(key) + " " + key), key, CONTAINER_VALUE_MAX));
    return env;
  }

  /** Flag → {@code .env} → environment (spec §1.5) → the seed's prompt P2 → ecs. */
  private Topology topology(DeployFlags f) {
    Optional<Setting> given = config.topology(f.topology);
    if (given.isPresent()) {
      return InputChecks.topology(given.get());
    }
    if (askTopology && asking()) {
      int i = prompts.choose("Topology:", List.of(
          "ecs — the MCP server on ECS Express, the harness calls its public endpoint (default)",
          "gateway — the MCP server on an AgentCore Runtime behind an AgentCore Gateway, Cognito-issued tokens"), 0);
      return i == 1 ? Topology.GATEWAY : Topology.ECS;
    }
    return Topology.ECS;
  }

  /** The gateway topology hosts the server itself: an MCP URL is checked as ever, then ignored (spec §3 step 3). */
  private String ignoredMcpUrl(DeployFlags f) {
    config.find(ConfigKeys.MCP_URL, f.mcpUrl, "--mcp-url").ifPresent(s -> {
      InputChecks.mcpUrl(s);
      notes.accept("[WARN] MCP URL" + s.from() + " is ignored: the gateway topology runs the server on an AgentCore Runtime");
    });
    return null;
  }

  /** The external MCP URL, or null when the server runs on ECS Express. */
  private String mcpUrl(DeployFlags f) {
    Optional<Setting> given = config.find(ConfigKeys.MCP_URL, f.mcpUrl, "--mcp-url");
    if (given.isEmpty() && asking()) {
      int i = prompts.choose("How should Harness reach the MCP server?",
          List.of("Deploy it to ECS Express (recommended)", "Use an existing MCP URL"), 0);
      if (i == 1) {
        given = Optional.of(new Setting(prompts.text("MCP URL (https://…): "), "prompt"));
      }
    }
    if (given.isEmpty()) {
      return null;
    }
    String url = InputChecks.mcpUrl(given.get());
    if (InputChecks.looksSigV4Only(url)) {
      notes.accept("[WARN] " + url + " looks like an AgentCore Runtime URL, which needs SigV4: the harness"
          + " cannot sign and would get HTTP 403; run the server on ECS Express instead");
    }
    return url;
  }

  /** @param required false: checked when given, never asked for; null is returned */
  /** @param ownHost the server runs on ECS or a Runtime: all four credentials are needed (spec §2, §3 step 3) */
  private ZscalerCredentials credentials(DeployFlags f, boolean ownHost, boolean required) {
    if (!required) {
      check(ZscalerCredentials.CLIENT_ID, f.clientId, "--client-id");
      check(ZscalerCredentials.CLIENT_SECRET, f.clientSecret, "--client-secret");
      check(ZscalerCredentials.CUSTOMER_ID, f.customerId, "--customer-id");
      check(ZscalerCredentials.VANITY_DOMAIN, f.vanityDomain, "--vanity-domain");
      check(ZscalerCredentials.CLOUD, null, null);
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> missingFlags = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    credential(values, sources, missing, missingFlags, ZscalerCredentials.CLIENT_ID, f.clientId, "--client-id", false);
    credential(values, sources, missing, missingFlags, ZscalerCredentials.CLIENT_SECRET, f.clientSecret, "--client-secret", true);
    if (ownHost) {
      credential(values, sources, missing, missingFlags, ZscalerCredentials.CUSTOMER_ID, f.customerId, "--customer-id", false);
      credential(values, sources, missing, missingFlags, ZscalerCredentials.VANITY_DOMAIN, f.vanityDomain, "--vanity-domain", false);
    } else {
      config.find(ZscalerCredentials.CUSTOMER_ID, f.customerId, "--customer-id").ifPresent(s -> values.put(ZscalerCredentials.CUSTOMER_ID,
          InputChecks.unquotable(s, ZscalerCredentials.CUSTOMER_ID, CREDENTIAL_MAX)));
      config.find(ZscalerCredentials.VANITY_DOMAIN, f.vanityDomain, "--vanity-domain").ifPresent(s -> values.put(ZscalerCredentials.VANITY_DOMAIN,
          InputChecks.unquotable(s, ZscalerCredentials.VANITY_DOMAIN, CREDENTIAL_MAX)));
    }
    config.find(ZscalerCredentials.CLOUD).ifPresent(s -> values.put(ZscalerCredentials.CLOUD,
        InputChecks.unquotable(s, ZscalerCredentials.CLOUD, CREDENTIAL_MAX)));
    if (!missing.isEmpty()) {
      String keys = String.join(", ", missing);
      throw CliException.badInput("missing Zscaler credential" + (missing.size() > 1 ? "s " : " ") + keys
          + ": pass " + String.join(" / ", missingFlags) + ", or set " + (missing.size() > 1 ? "them" : "it")
          + " in the environment or in .env"
          + (config.prompter().interactive() ? "" : " (no terminal to ask on)"));
    }
    notes.accept("[INFO] Zscaler credentials (sealed before they leave this process): " + String.join(", ", sources));
    if (f.clientSecret != null && !f.clientSecret.isBlank()) {
      notes.accept("[WARN] --client-secret is visible in process listings; prefer ZSCALER_CLIENT_SECRET in the environment or .env");
    }
    return ZscalerCredentials.fromEnv(values);
  }

  private void check(String key, String flag, String flagName) {
    config.find(key, flag, flagName).ifPresent(s -> InputChecks.unquotable(s, key, CREDENTIAL_MAX));
  }

  private void credential(Map<String, String> values, List<String> sources, List<String> missing, List<String> missingFlags,
      String key, String flag, String flagName, boolean hidden) {
    Optional<Setting> s = config.find(key, flag, flagName);
    if (s.isEmpty() && config.prompter().interactive()) {
      String answer = hidden ? prompts.secret(key + " (hidden): ") : prompts.text(key + ": ");
      if (!answer.isEmpty()) {
        s = Optional.of(new Setting(answer, "prompt"));
      }
    }
    if (s.isPresent()) {
      values.put(key, InputChecks.unquotable(s.get(), key, CREDENTIAL_MAX));
      sources.add(key + " from " + s.get().source());
    } else {
      missing.add(key);
      missingFlags.add(flagName);
    }
  }

  private String image() {
    Optional<Setting> given = config.find(ConfigKeys.IMAGE_URI);
    if (given.isEmpty()) {
      notes.accept("[INFO] image " + Names.DEFAULT_IMAGE + " (AWS Marketplace: needs a subscription to \"Zscaler MCP Server\")");
      return Names.DEFAULT_IMAGE;
    }
    String image = InputChecks.imageUri(given.get());
    if (!image.contains(Names.MARKETPLACE_ACCOUNT)) {
      notes.accept("[WARN] custom image " + image + ": it must include linux/amd64; cross-account ECR pulls are"
          + " scoped to the registry account in the URI");
    }
    return image;
  }

  private record SecretChoice(SecretMode mode, String byoId) {}

  /** {@code --no-secrets-manager} → plaintext; ZSCALER_SECRET_NAME → yours; else ask; else managed. */
  private SecretChoice secretMode(DeployFlags f, boolean gateway) {
    String where = gateway ? "the AgentCore Runtime's configuration" : "the ECS task definition";
    if (f.noSecretsManager) {
      notes.accept("[WARN] --no-secrets-manager: the client secret will be visible in " + where + " and CloudTrail");
      return new SecretChoice(SecretMode.PLAINTEXT, null);
    }
    Optional<Setting> byo = config.find(ConfigKeys.SECRET_NAME);
    if (byo.isPresent()) {
      String id = InputChecks.byoSecret(byo.get());
      notes.accept("[INFO] secret " + id + " is yours (" + byo.get().source() + "): read, never written or deleted");
      return new SecretChoice(SecretMode.BRING_YOUR_OWN, id);
    }
    if (asking() && !prompts.confirm("Use AWS Secrets Manager for the Zscaler credentials?"
        + " (No puts them in the " + (gateway ? "Runtime's" : "container") + " env as plaintext)", true)) {
      notes.accept("[WARN] plaintext: the client secret will be visible in " + where + " and CloudTrail");
      return new SecretChoice(SecretMode.PLAINTEXT, null);
    }
    return new SecretChoice(SecretMode.MANAGED, null);
  }

  private String model(DeployFlags f) {
    Optional<Setting> given = config.find(ConfigKeys.MODEL_ID, f.modelId, "--model-id");
    if (given.isPresent()) {
      String id = InputChecks.modelId(given.get());
      if (HarnessModel.of(id).isEmpty() && !id.matches(Names.INFERENCE_PROFILE_PATTERN)) {
        notes.accept("[WARN] model id " + id + given.get().from() + " is neither a known model nor an inference"
            + " profile (us.…, eu.…, global.… or its ARN): the harness may not be able to call it");
      }
      return id;
    }
    if (asking()) {
      return Names.MODEL_CATALOGUE.get(prompts.choose("Model:",
          Names.MODELS.stream().map(HarnessModel::shown).toList(), 0));
    }
    return Names.DEFAULT_MODEL_ID;
  }

  /** Choices are asked on a terminal unless {@code --yes} accepts their defaults. */
  private boolean asking() {
    return config.prompter().interactive() && !yes;
  }
}
