package io.harnessdeployer.client.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.output.OneLine;
import io.harnessdeployer.client.output.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The original tool's {@code .aws-harness-state.json} (spec §1.7), read for what adopt needs: the
 * region, every resource name it recorded, the harness id, whether the secret was its operator's
 * own, and whether the MCP server ran on ECS. Anything wrong with the file is one bad-input line.
 *
 * @param values state key → value, only the keys present with a non-blank string
 */
public record OriginalState(String display, Map<String, String> values, boolean secretManagedExternally,
    boolean externalHost) {
  /** The state keys that name resources, as the original writes them. */
  public static final String HARNESS_NAME = "harness_name", ROLE_NAME = "role_name",
      PROVIDER_NAME = "credential_provider_name", CLUSTER = "ecs_cluster_name", SERVICE = "ecs_service_name",
      TASK_ROLE = "ecs_execution_role_name", INFRA_ROLE = "ecs_infrastructure_role_name", LOG_GROUP = "ecs_log_group",
      SECRET_NAME = "zscaler_secret_name", HARNESS_ID = "harness_id", REGION = "region";

  private static final String[] STRING_KEYS = {HARNESS_NAME, ROLE_NAME, PROVIDER_NAME, CLUSTER, SERVICE, TASK_ROLE,
      INFRA_ROLE, LOG_GROUP, SECRET_NAME, HARNESS_ID, REGION, "mcp_host_kind", "topology"};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BYTES = 1 << 20;

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public static OriginalState read(Path cwd, Path file) {
    String shown = "--state-file " + UserText.quote(file.toString());
    Path path;
    try {
      path = cwd.resolve(file);
    } catch (InvalidPathException e) {
      throw CliException.badInput(shown + " is not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw CliException.badInput(shown + " is a directory: name the original tool's .aws-harness-state.json");
    }
    if (!Files.isRegularFile(path)) {
      throw CliException.badInput(shown + ": no such file");
    }
    JsonNode root;
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw CliException.badInput(shown + " is larger than 1 MiB: not a state file of the original tool");
      }
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw CliException.badInput(shown + " is unreadable or not JSON: "
          + OneLine.of(why, 80));
    }
    if (root == null || !root.isObject()) {
      throw CliException.badInput(shown + " is not a JSON object: not a state file of the original tool");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : STRING_KEYS) {
      JsonNode v = root.get(key);
      if (v == null || v.isNull()) {
        continue;
      }
      if (!v.isTextual()) {
        throw CliException.badInput(shown + ": " + key + " is not a string");
      }
      if (!v.asText().isBlank()) {
        values.put(key, v.asText().trim());
      }
    }
    if ("gateway".equals(values.get("topology"))) {
      throw CliException.badInput(shown + " is of a gateway deployment: adopt takes over ecs deployments only");
    }
    JsonNode external = root.get("zscaler_secret_managed_externally");
    if (external != null && !external.isNull() && !external.isBoolean()) {
      throw CliException.badInput(shown + ": zscaler_secret_managed_externally is not true or false");
    }
    boolean byo = external != null && external.asBoolean(false);
    return new OriginalState(shown, values, byo, "external".equals(values.get("mcp_host_kind")));
  }
}
