package io.harnessdeployer.emulator.services.secretsmanager;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.HandlerHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsManagerHandlerTest {
  static final String NAME = "zscaler-mcp-harness/credentials";
  static final String PAYLOAD = "{\"ZSCALER_CLIENT_ID\":\"id\",\"ZSCALER_CLIENT_SECRET\":\"s3cret\"}";
  static final String TOKEN_1 = "11111111-1111-1111-1111-111111111111";
  static final String TOKEN_2 = "22222222-2222-2222-2222-222222222222";

  final HandlerHarness h;
  final SecretsManagerHandler sm;

  SecretsManagerHandlerTest() {
    HandlerHarness.MutableClock clock = new HandlerHarness.MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    sm = new SecretsManagerHandler(clock);
    h = new HandlerHarness(sm, clock);
  }

  @Test
  void operations_coverEveryModelOperation() {
    assertEquals(HandlerHarness.modelOperations("secretsmanager"), sm.operations().keySet());
  }

  @Test
  void create_describe_get_put_lifecycle() {
    Map<String, Object> created = create(NAME, PAYLOAD, TOKEN_1);
    String arn = (String) created.get("ARN");
    assertTrue(arn.matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + NAME + "-[A-Za-z0-9]{6}"), arn);
    assertEquals(NAME, created.get("Name"));
    assertEquals(TOKEN_1, created.get("VersionId"));

    Map<String, Object> described = h.call("DescribeSecret", Map.of("SecretId", NAME));
    assertEquals(arn, described.get("ARN"));
    assertEquals(Map.of(TOKEN_1, List.of("AWSCURRENT")), described.get("VersionIdsToStages"));
    assertEquals(List.of(Map.of("Key", "managed-by", "Value", "zscaler-mcp-harness")), described.get("Tags"));
    assertEquals(h.now(), described.get("CreatedDate"));
    assertNull(described.get("DeletedDate"));

    Map<String, Object> value = h.call("GetSecretValue", Map.of("SecretId", arn));
    assertEquals(PAYLOAD, value.get("SecretString"));
    assertEquals(TOKEN_1, value.get("VersionId"));
    assertEquals(List.of("AWSCURRENT"), value.get("VersionStages"));

    Map<String, Object> put =
        h.call("PutSecretValue", Map.of("SecretId", NAME, "SecretString", "{\"k\":\"v2\"}", "ClientRequestToken", TOKEN_2));
    assertEquals(TOKEN_2, put.get("VersionId"));
    assertEquals(List.of("AWSCURRENT"), put.get("VersionStages"));
    assertEquals(
        Map.of(TOKEN_1, List.of("AWSPREVIOUS"), TOKEN_2, List.of("AWSCURRENT")),
        h.call("DescribeSecret", Map.of("SecretId", NAME)).get("VersionIdsToStages"));
    assertEquals("{\"k\":\"v2\"}", h.call("GetSecretValue", Map.of("SecretId", NAME)).get("SecretString"));
    assertEquals(PAYLOAD, h.call("GetSecretValue", Map.of("SecretId", NAME, "VersionStage", "AWSPREVIOUS")).get("SecretString"));
    assertEquals(PAYLOAD, h.call("GetSecretValue", Map.of("SecretId", NAME, "VersionId", TOKEN_1)).get("SecretString"));

    String third = "33333333-3333-3333-3333-333333333333";
    h.call("PutSecretValue", Map.of("SecretId", NAME, "SecretString", "v3", "ClientRequestToken", third));
    assertEquals(
        Map.of(TOKEN_2, List.of("AWSPREVIOUS"), third, List.of("AWSCURRENT")),
        h.call("DescribeSecret", Map.of("SecretId", NAME)).get("VersionIdsToStages"),
        "a version without labels is deprecated and no longer listed");
  }

  @Test
  void secretId_acceptsNameFullArnAndPartialArn() {
    String arn = (String) create(NAME, PAYLOAD, TOKEN_1).get("ARN");
    String partial = arn.substring(0, arn.length() - 7);
    for (String id : List.of(NAME, arn, partial)) {
      assertEquals(arn, h.call("DescribeSecret", Map.of("SecretId", id)).get("ARN"), id);
    }
    h.fails("DescribeSecret", Map.of("SecretId", partial + "-XXXXXX"), "ResourceNotFoundException");
    h.fails("DescribeSecret", Map.of("SecretId", "zscaler-mcp-harness"), "ResourceNotFoundException");
  }

  @Test
  void missingSecret_isResourceNotFound_everywhere() {
    for (String op : List.of("DescribeSecret", "GetSecretValue", "DeleteSecret", "RestoreSecret")) {
      assertEquals(
          "Secrets Manager can't find the specified secret.",
          h.fails(op, Map.of("SecretId", "nope"), "ResourceNotFoundException").getMessage());
    }
    h.fails("PutSecretValue", Map.of("SecretId", "nope", "SecretString", "x"), "ResourceNotFoundException");
    h.fails("TagResource", Map.of("SecretId", "nope", "Tags", List.of()), "ResourceNotFoundException");
    h.fails("UntagResource", Map.of("SecretId", "nope", "TagKeys", List.of()), "ResourceNotFoundException");
  }

  @Test
  void duplicateCreate_isResourceExists_butSameTokenAndValueIsIdempotent() {
    String arn = (String) create(NAME, PAYLOAD, TOKEN_1).get("ARN");
    assertEquals(
        "The operation failed because the secret " + NAME + " already exists.",
        h.fails("CreateSecret", Map.of("Name", NAME, "SecretString", PAYLOAD, "ClientRequestToken", TOKEN_2), "ResourceExistsException")
            .getMessage());
    h.fails("CreateSecret", Map.of("Name", NAME, "SecretString", "other", "ClientRequestToken", TOKEN_1), "ResourceExistsException");
    Map<String, Object> retried = h.call("CreateSecret", Map.of("Name", NAME, "SecretString", PAYLOAD, "ClientRequestToken", TOKEN_1));
    assertEquals(arn, retried.get("ARN"));
    assertEquals(TOKEN_1, retried.get("VersionId"));

    h.call("PutSecretValue", Map.of("SecretId", NAME, "SecretString", PAYLOAD, "ClientRequestToken", TOKEN_1));
    assertEquals(Map.of(TOKEN_1, List.of("AWSCURRENT")), h.call("DescribeSecret", Map.of("SecretId", NAME)).get("VersionIdsToStages"));
    h.fails("PutSecretValue", Map.of("SecretId", NAME, "SecretString", "changed", "ClientRequestToken", TOKEN_1), "ResourceExistsException");
  }

  @Test
  void softDelete_blocksValueAccessAndRecreation_untilRestored() {
    create(NAME, PAYLOAD, TOKEN_1);
    Map<String, Object> deleted = h.call("DeleteSecret", Map.of("SecretId", NAME, "RecoveryWindowInDays", 7L));
    assertEquals(h.now().plus(Duration.ofDays(7)), deleted.get("DeletionDate"));

    assertEquals(h.now(), h.call("DescribeSecret", Map.of("SecretId", NAME)).get("DeletedDate"));
    String marked = "You can't perform this operation on the secret because it was marked for deletion.";
    assertEquals(marked, h.fails("GetSecretValue", Map.of("SecretId", NAME), "InvalidRequestException").getMessage());
    assertEquals(marked, h.fails("PutSecretValue", Map.of("SecretId", NAME, "SecretString", "x"), "InvalidRequestException").getMessage());
    h.fails("DeleteSecret", Map.of("SecretId", NAME), "InvalidRequestException");
    h.fails("TagResource", Map.of("SecretId", NAME, "Tags", List.of()), "InvalidRequestException");
    assertEquals(
        "You can't create this secret because a secret with this name is already scheduled for deletion.",
        h.fails("CreateSecret", Map.of("Name", NAME, "SecretString", PAYLOAD), "InvalidRequestException").getMessage());
    assertTrue(sm.secretJson(HandlerHarness.ACCOUNT, HandlerHarness.REGION, NAME).isEmpty());
    assertEquals(List.of(), secretNames(h.call("ListSecrets", Map.of())));
    assertEquals(List.of(NAME), secretNames(h.call("ListSecrets", Map.of("IncludePlannedDeletion", true))));
    assertEquals("SCHEDULED_FOR_DELETION", sm.resources().get(0).status());

    h.call("RestoreSecret", Map.of("SecretId", NAME));
    assertNull(h.call("DescribeSecret", Map.of("SecretId", NAME)).get("DeletedDate"));
    assertEquals(PAYLOAD, h.call("GetSecretValue", Map.of("SecretId", NAME)).get("SecretString"));
    assertEquals("ACTIVE", sm.resources().get(0).status());
  }

  @Test
  void recoveryWindow_expiresOnTheEmulatorClock() {
    create(NAME, PAYLOAD, TOKEN_1);
    h.call("DeleteSecret", Map.of("SecretId", NAME));
    h.advance(Duration.ofDays(30).minusSeconds(1));
    assertNotNull(h.call("DescribeSecret", Map.of("SecretId", NAME)).get("DeletedDate"));
    h.advance(Duration.ofSeconds(1));
    h.fails("DescribeSecret", Map.of("SecretId", NAME), "ResourceNotFoundException");
    assertEquals(List.of(), sm.resources());
    assertEquals(NAME, create(NAME, PAYLOAD, TOKEN_2).get("Name"));
  }

  @Test
  void forceDelete_removesAtOnce_andConflictsWithARecoveryWindow() {
    create(NAME, PAYLOAD, TOKEN_1);
    assertEquals(
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
        h.fails("DeleteSecret", Map.of("SecretId", NAME, "RecoveryWindowInDays", 7L, "ForceDeleteWithoutRecovery", true), "InvalidParameterException")
            .getMessage());
    h.fails("DeleteSecret", Map.of("SecretId", NAME, "RecoveryWindowInDays", 6L), "InvalidParameterException");
    h.fails("DeleteSecret", Map.of("SecretId", NAME, "RecoveryWindowInDays", 31L), "InvalidParameterException");

    h.call("DeleteSecret", Map.of("SecretId", NAME, "RecoveryWindowInDays", 30L));
    Map<String, Object> forced = h.call("DeleteSecret", Map.of("SecretId", NAME, "ForceDeleteWithoutRecovery", true));
    assertEquals(h.now(), forced.get("DeletionDate"));
    h.fails("DescribeSecret", Map.of("SecretId", NAME), "ResourceNotFoundException");
    create(NAME, PAYLOAD, TOKEN_2);
  }

  @Test
  void values_mustBeExactlyOneOfStringOrBinary() {
    h.fails("CreateSecret", Map.of("Name", "x", "SecretString", "a", "SecretBinary", new byte[] {1}), "InvalidParameterException");
    Map<String, Object> empty = h.call("CreateSecret", Map.of("Name", "empty"));
    assertNull(empty.get("VersionId"));
    h.fails("GetSecretValue", Map.of("SecretId", "empty"), "ResourceNotFoundException");
    h.fails("PutSecretValue", Map.of("SecretId", "empty"), "InvalidParameterException");
    h.call("PutSecretValue", Map.of("SecretId", "empty", "SecretBinary", new byte[] {1, 2}, "VersionStages", List.of("AWSPENDING")));
    Map<String, Object> got = h.call("GetSecretValue", Map.of("SecretId", "empty"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) got.get("SecretBinary"));
    assertEquals(List.of("AWSPENDING", "AWSCURRENT"), got.get("VersionStages"), "the first version is always current");
    h.fails("GetSecretValue", Map.of("SecretId", "empty", "VersionId", "missing"), "ResourceNotFoundException");
    h.fails(
        "GetSecretValue",
        Map.of("SecretId", "empty", "VersionId", got.get("VersionId"), "VersionStage", "AWSPREVIOUS"),
        "InvalidRequestException");
  }

  @Test
  void listSecrets_filtersSortsAndPages() {
    create("app/a", "{}", null);
    h.advance(Duration.ofSeconds(1));
    h.call("CreateSecret", Map.of("Name", "app/b", "Description", "second", "Tags", List.of(Map.of("Key", "team", "Value", "core"))));
    h.advance(Duration.ofSeconds(1));
    h.call("CreateSecret", Map.of("Name", "other"));

    assertEquals(List.of("other", "app/b", "app/a"), secretNames(h.call("ListSecrets", Map.of())));
    assertEquals(List.of("app/a", "app/b", "other"), secretNames(h.call("ListSecrets", Map.of("SortBy", "name"))));
    assertEquals(List.of("app/b", "app/a"), secretNames(h.call("ListSecrets", Map.of("Filters", List.of(filter("name", "app/"))))));
    assertEquals(List.of("other"), secretNames(h.call("ListSecrets", Map.of("Filters", List.of(filter("name", "!app/"))))));
    assertEquals(List.of("app/b"), secretNames(h.call("ListSecrets", Map.of("Filters", List.of(filter("tag-value", "co"))))));
    assertEquals(List.of("app/b"), secretNames(h.call("ListSecrets", Map.of("Filters", List.of(filter("all", "sec"))))));

    Map<String, Object> first = h.call("ListSecrets", Map.of("MaxResults", 2, "SortBy", "name"));
    assertEquals(List.of("app/a", "app/b"), secretNames(first));
    Map<String, Object> rest = h.call("ListSecrets", Map.of("MaxResults", 2, "SortBy", "name", "NextToken", first.get("NextToken")));
    assertEquals(List.of("other"), secretNames(rest));
    assertNull(rest.get("NextToken"));
    h.fails("ListSecrets", Map.of("NextToken", "bogus"), "InvalidNextTokenException");
  }

  @Test
  void tags_addReplaceAndRemove() {
    create(NAME, PAYLOAD, TOKEN_1);
    h.call("TagResource", Map.of("SecretId", NAME, "Tags", List.of(Map.of("Key", "managed-by", "Value", "x"), Map.of("Key", "k", "Value", "v"))));
    h.call("UntagResource", Map.of("SecretId", NAME, "TagKeys", List.of("k", "absent")));
    assertEquals(List.of(Map.of("Key", "managed-by", "Value", "x")), h.call("DescribeSecret", Map.of("SecretId", NAME)).get("Tags"));
    assertEquals(Map.of("managed-by", "x"), sm.resources().get(0).tags());
  }

  @Test
  void secretJson_flattensTheCurrentObject() {
    create(NAME, "{\"a\":\"1\",\"n\":2,\"o\":{\"x\":true}}", TOKEN_1);
    create("not-object", "[1,2]", null);
    create("not-json", "plain", null);
    assertEquals(
        Map.of("a", "1", "n", "2", "o", "{\"x\":true}"),
        sm.secretJson(HandlerHarness.ACCOUNT, HandlerHarness.REGION, NAME).orElseThrow());
    assertTrue(sm.secretJson(HandlerHarness.ACCOUNT, HandlerHarness.REGION, "not-object").isEmpty());
    assertTrue(sm.secretJson(HandlerHarness.ACCOUNT, HandlerHarness.REGION, "not-json").isEmpty());
    assertTrue(sm.secretJson(HandlerHarness.ACCOUNT, HandlerHarness.REGION, "missing").isEmpty());
    assertTrue(sm.secretJson(HandlerHarness.ACCOUNT, "eu-west-1", NAME).isEmpty(), "secrets are regional");
  }

  @Test
  void secretsAreRegional_andResetForgetsThem() {
    create(NAME, PAYLOAD, TOKEN_1);
    h.as(HandlerHarness.ACCOUNT, "eu-west-1");
    h.fails("DescribeSecret", Map.of("SecretId", NAME), "ResourceNotFoundException");
    create(NAME, PAYLOAD, TOKEN_1);
    assertEquals(2, sm.resources().size());
    ResourceView view = sm.resources().stream().filter(r -> r.arn().contains("eu-west-1")).findFirst().orElseThrow();
    assertEquals("secret", view.type());
    sm.reset();
    assertEquals(List.of(), sm.resources());
  }

  @Test
  void replicaRegions_areRefused() {
    h.fails("CreateSecret", Map.of("Name", "r", "AddReplicaRegions", List.of(Map.of("Region", "eu-west-1"))), "InvalidRequestException");
  }

  // --- helpers

  private Map<String, Object> create(String name, String value, String token) {
    Map<String, Object> in = new HashMap<>(Map.of("Name", name, "SecretString", value));
    if (token != null) in.put("ClientRequestToken", token);
    if (name.equals(NAME)) in.put("Tags", List.of(Map.of("Key", "managed-by", "Value", "zscaler-mcp-harness")));
    return h.call("CreateSecret", in);
  }

  static Map<String, Object> filter(String key, String value) {
    return Map.of("Key", key, "Values", List.of(value));
  }

  @SuppressWarnings("unchecked")
  static List<String> secretNames(Map<String, Object> listSecrets) {
    return ((List<Map<String, Object>>) listSecrets.get("SecretList")).stream().map(s -> (String) s.get("Name")).toList();
  }
}
