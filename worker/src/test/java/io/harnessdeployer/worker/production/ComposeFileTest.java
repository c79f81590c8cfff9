package io.harnessdeployer.worker.production;

import static io.harnessdeployer.worker.production.RepoFiles.map;
import static io.harnessdeployer.worker.production.RepoFiles.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.harnessdeployer.worker.WorkerEnv;
import io.harnessdeployer.workflows.common.SearchAttributes;
import io.harnessdeployer.workflows.secrets.SealKeys;
import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked statically (no Docker engine here): valid by the Compose
 * specification's JSON schema, every image pinned, a released server/admin-tools/UI set, exactly
 * our search attributes, and a worker environment the worker reads.
 */
class ComposeFileTest {
  /**
   * Server and UI versions released together: the Temporal CLI v1.8.2 bundle ships server 1.31.2
   * with UI 2.50.1. The UI's activity pause/reset API first shipped in server 1.30.2; a mismatched
   * pair breaks pausing, so only a set known to be released together passes.
   */
  static final Map<String, String> RELEASED_SERVER_UI = Map.of("1.31.2", "2.50.1");

  static final Pattern PINNED = Pattern.compile("^([a-z0-9._/-]+):(\\d+(?:\\.\\d+)+)$");

  private final Map<String, Object> compose = RepoFiles.compose();

  /**
   * compose-spec/compose-spec {@code schema/compose-spec.json} (commit 00655e2), descriptions left
   * out; its {@code $schema} (draft-07) is given to the validator as the dialect instead of fetched.
   */
  static Schema composeSchema() throws IOException {
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/production/compose-spec.json")) {
      ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
      assertEquals("https://json-schema.org/draft-07/schema", schema.remove("$schema").asText());
      // its $id is relative: resolve it against where the file sits in the spec's repository
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(SchemaLocation.of("https://github.com/compose-spec/compose-spec/schema/compose-spec.json"), schema);
    }
  }

  @Test
  void isValidByTheComposeSpecification() throws IOException {
    JsonNode file = new ObjectMapper().valueToTree(compose);
    List<Error> errors = composeSchema().validate(file);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void theSchemaRejectsWhatComposeRejects() throws IOException {
    Map<String, Object> bad = RepoFiles.compose();
    map(service(bad, "worker").get("depends_on")).put("temporal", Map.of("condition", "service_ready"));
    service(bad, "temporal-ui").put("image_name", "typo");
    List<Error> errors = composeSchema().validate(new ObjectMapper().valueToTree(bad));
    Set<String> at = new TreeSet<>(errors.stream().map(e -> e.getInstanceLocation().toString()).toList());
    assertTrue(at.containsAll(Set.of("/services/temporal-ui", "/services/worker/depends_on/temporal/condition")),
        errors.toString());
  }

  @Test
  void everyImageIsPinned_andServerAdminToolsAndUiAreAReleasedSet() {
    Map<String, String> versions = new java.util.TreeMap<>();
    map(compose.get("services")).forEach((name, s) -> {
      String image = (String) map(s).get("image");
      assertNotNull(image, name + " has no image");
      Matcher m = PINNED.matcher(image);
      assertTrue(m.matches(), name + ": " + image + " is not pinned to a version");
      versions.merge(m.group(1), m.group(2), (a, b) -> {
        assertEquals(a, b, m.group(1) + " at two versions");
        return a;
      });
    });
    String server = versions.get("temporalio/server");
    assertEquals(server, versions.get("temporalio/admin-tools"), "admin-tools must match the server");
    assertEquals(RELEASED_SERVER_UI.get(server), versions.get("temporalio/ui"),
        "temporalio/ui released with server " + server);
    assertFalse(versions.containsKey("temporalio/auto-setup"), "auto-setup is deprecated");
  }

  @Test
  void theNamespaceJobCreatesExactlyTheSearchAttributesTheCodeDeclares() {
    Map<String, Object> init = service(compose, "temporal-init");
    Map<String, Object> env = map(init.get("environment"));
    List<String> created = Arrays.asList(((String) env.get("SEARCH_ATTRIBUTES")).trim().split("\\s+"));
    List<String> declared = SearchAttributes.ALL.stream()
        .map(k -> k.getName() + ":" + typeName(k.getValueType())).toList();
    assertEquals(declared, created);
    String script = String.join("\n", castList(init.get("command")));
    assertTrue(script.contains("for sa in $$SEARCH_ATTRIBUTES; do"), script);
    assertTrue(script.contains("search-attribute create -n \"$$NAMESPACE\" --name \"$${sa%%:*}\" --type \"$${sa##*:}\""),
        script);
    assertEquals(env.get("NAMESPACE"), map(service(compose, "worker").get("environment")).get("TEMPORAL_NAMESPACE"));
  }

  @Test
  void theWorkerServiceSetsOnlyWhatTheWorkerReads_andItsSealKeyComesFromAnEnvFile() {
    Map<String, Object> worker = service(compose, "worker");
    Map<String, Object> env = map(worker.get("environment"));
    Set<String> unknown = new TreeSet<>(env.keySet());
    unknown.removeAll(WorkerEnv.all());
    assertEquals(Set.of(), unknown, "names the worker never reads");
    assertEquals("temporal:7233", env.get("TEMPORAL_ADDRESS"));
    assertTrue(env.keySet().containsAll(List.of("AWS_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")), env.keySet().toString());
    assertFalse(env.containsKey(SealKeys.ENV_KEY), "the seal key never sits in the compose file");
    String port = (String) env.get(WorkerEnv.METRICS_PORT);
    assertEquals(List.of(port + ":" + port), worker.get("ports"));

    Map<String, Object> envFile = map(castList(worker.get("env_file")).get(0));
    assertEquals(true, envFile.get("required"));
    String example = RepoFiles.read(envFile.get("path") + ".example");
    Set<String> exampleNames = new TreeSet<>();
    example.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> exampleNames.add(l.split("=", 2)[0]));
    assertEquals(Set.of(SealKeys.ENV_KEY), exampleNames);
    assertTrue(RepoFiles.read(".gitignore").lines().anyMatch(envFile.get("path")::equals), "the env file is ignored");
    assertEquals(List.of("${HOME}/.aws:/home/deployer/.aws:ro"), worker.get("volumes"), "read-only ~/.aws");
    assertEquals("Dockerfile", map(worker.get("build")).get("dockerfile"));
  }

  @Test
  void oneComposeUpBringsItUpInOrder() {
    assertDependsOn("temporal-schema", "postgresql", "service_healthy");
    assertDependsOn("temporal", "temporal-schema", "service_completed_successfully");
    assertDependsOn("temporal-init", "temporal", "service_healthy");
    assertDependsOn("temporal-ui", "temporal", "service_healthy");
    assertDependsOn("worker", "temporal-init", "service_completed_successfully");
    for (String healthy : List.of("postgresql", "temporal", "worker")) {
      assertNotNull(service(compose, healthy).get("healthcheck"), healthy + " needs a health check");
    }
  }

  private void assertDependsOn(String service, String on, String condition) {
    Map<String, Object> deps = map(service(compose, service).get("depends_on"));
    assertEquals(Set.of(on), deps.keySet(), service);
    assertEquals(condition, map(deps.get(on)).get("condition"), service + " → " + on);
  }

  private static String typeName(IndexedValueType type) {
    assertEquals(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD, type, "only Keyword attributes are mapped");
    return "Keyword";
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(Object o) {
    return (List<T>) o;
  }
}
