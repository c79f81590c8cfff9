package io.harnessdeployer.emulator.services.ecr;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.HandlerHarness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcrHandlerTest {
  static final String REPO = "zscaler-mcp";
  static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";
  static final String MANIFEST_1 = manifest(DOCKER_V2, 100, 1000, 2000);
  static final String MANIFEST_2 = manifest(DOCKER_V2, 50, 500);

  final EcrHandler ecr = new EcrHandler();
  final HandlerHarness h = new HandlerHarness(ecr);

  @Test
  void operations_coverEveryModelOperation() {
    assertEquals(HandlerHarness.modelOperations("ecr"), ecr.operations().keySet());
  }

  @Test
  void repositoryLifecycle() {
    Map<String, Object> repo =
        repository(h.call("CreateRepository", Map.of("repositoryName", REPO, "tags", List.of(Map.of("Key", "k", "Value", "v")))));
    assertEquals("arn:aws:ecr:us-east-1:123456789012:repository/" + REPO, repo.get("repositoryArn"));
    assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/" + REPO, repo.get("repositoryUri"));
    assertEquals("123456789012", repo.get("registryId"));
    assertEquals("MUTABLE", repo.get("imageTagMutability"));
    assertEquals(Map.of("scanOnPush", false), repo.get("imageScanningConfiguration"));
    assertEquals(Map.of("encryptionType", "AES256"), repo.get("encryptionConfiguration"));
    assertEquals(h.now(), repo.get("createdAt"));
    assertEquals(
        List.of(new ResourceView("ecr", "repository", REPO, repo.get("repositoryArn").toString(), "ACTIVE", Map.of("k", "v"))),
        ecr.resources());

    assertEquals(
        "The repository with name '" + REPO + "' already exists in the registry with id '123456789012'",
        h.fails("CreateRepository", Map.of("repositoryName", REPO), "RepositoryAlreadyExistsException").getMessage());
    assertEquals(List.of(REPO), repoNames(h.call("DescribeRepositories", Map.of("repositoryNames", List.of(REPO)))));

    h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageTag", "v1"));
    h.fails("DeleteRepository", Map.of("repositoryName", REPO), "RepositoryNotEmptyException");
    assertEquals(REPO, repository(h.call("DeleteRepository", Map.of("repositoryName", REPO, "force", true))).get("repositoryName"));
    assertEquals(
        "The repository with name '" + REPO + "' does not exist in the registry with id '123456789012'",
        h.fails("DescribeRepositories", Map.of("repositoryNames", List.of(REPO)), "RepositoryNotFoundException").getMessage());
    h.fails("DeleteRepository", Map.of("repositoryName", REPO), "RepositoryNotFoundException");
  }

  @Test
  void missingRepository_isRepositoryNotFound_forImageOperations() {
    h.fails("PutImage", Map.of("repositoryName", "nope", "imageManifest", MANIFEST_1), "RepositoryNotFoundException");
    h.fails("BatchGetImage", Map.of("repositoryName", "nope", "imageIds", List.of(Map.of("imageTag", "v1"))), "RepositoryNotFoundException");
    h.fails("DescribeImages", Map.of("repositoryName", "nope"), "RepositoryNotFoundException");
  }

  @Test
  void putImage_thenBatchGetAndDescribe() {
    h.call("CreateRepository", Map.of("repositoryName", REPO));
    Map<String, Object> image = image(h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageTag", "v1")));
    String digest = sha256(MANIFEST_1);
    assertEquals(Map.of("imageDigest", digest, "imageTag", "v1"), image.get("imageId"));
    assertEquals(DOCKER_V2, image.get("imageManifestMediaType"));

    Map<String, Object> got =
        h.call(
            "BatchGetImage",
            Map.of(
                "repositoryName", REPO,
                "imageIds", List.of(Map.of("imageTag", "v1"), Map.of("imageTag", "missing"), Map.of()),
                "acceptedMediaTypes", List.of(DOCKER_V2)));
    List<Map<String, Object>> images = list(got, "images");
    assertEquals(1, images.size());
    assertEquals(MANIFEST_1, images.get(0).get("imageManifest"));
    assertEquals(
        List.of(
            Map.of("imageId", Map.of("imageTag", "missing"), "failureCode", "ImageNotFound", "failureReason", "Requested image not found"),
            Map.of("imageId", Map.of(), "failureCode", "MissingDigestAndTag", "failureReason",
                "Invalid request parameters: image tag and digest cannot both be null")),
        got.get("failures"));
    assertEquals(1, list(h.call("BatchGetImage", Map.of("repositoryName", REPO, "imageIds", List.of(Map.of("imageDigest", digest)))), "images").size());
    assertEquals(
        "ImageTagDoesNotMatchDigest",
        list(h.call("BatchGetImage", Map.of("repositoryName", REPO, "imageIds", List.of(Map.of("imageDigest", digest, "imageTag", "other")))), "failures")
            .get(0).get("failureCode"));

    Map<String, Object> detail = list(h.call("DescribeImages", Map.of("repositoryName", REPO, "imageIds", List.of(Map.of("imageTag", "v1")))), "imageDetails").get(0);
    assertEquals(digest, detail.get("imageDigest"));
    assertEquals(List.of("v1"), detail.get("imageTags"));
    assertEquals(3100L, detail.get("imageSizeInBytes"));
    assertEquals(h.now(), detail.get("imagePushedAt"));
    assertEquals(DOCKER_V2, detail.get("imageManifestMediaType"));
    assertEquals("application/vnd.docker.container.image.v1+json", detail.get("artifactMediaType"));
    assertEquals(
        "The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository with name '"
            + REPO + "' in the registry with id '123456789012'",
        h.fails("DescribeImages", Map.of("repositoryName", REPO, "imageIds", List.of(Map.of("imageTag", "nope"))), "ImageNotFoundException").getMessage());
  }

  @Test
  void tags_moveBetweenImages_unlessImmutable() {
    h.call("CreateRepository", Map.of("repositoryName", REPO));
    h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageTag", "latest"));
    h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageTag", "v1"));
    h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_2, "imageTag", "latest"));
    assertEquals(List.of("v1"), tagsOf(sha256(MANIFEST_1)));
    assertEquals(List.of("latest"), tagsOf(sha256(MANIFEST_2)));
    h.fails("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_2, "imageTag", "latest"), "ImageAlreadyExistsException");
    h.fails("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_2), "ImageAlreadyExistsException");

    h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageTag", "latest"));
    assertEquals(1, list(h.call("DescribeImages", Map.of("repositoryName", REPO, "filter", Map.of("tagStatus", "UNTAGGED"))), "imageDetails").size());
    assertEquals(2, list(h.call("DescribeImages", Map.of("repositoryName", REPO)), "imageDetails").size());

    h.call("CreateRepository", Map.of("repositoryName", "locked", "imageTagMutability", "IMMUTABLE"));
    h.call("PutImage", Map.of("repositoryName", "locked", "imageManifest", MANIFEST_1, "imageTag", "v1"));
    assertEquals(
        "The image tag 'v1' already exists in the 'locked' repository and cannot be overwritten because the repository is immutable.",
        h.fails("PutImage", Map.of("repositoryName", "locked", "imageManifest", MANIFEST_2, "imageTag", "v1"), "ImageTagAlreadyExistsException")
            .getMessage());

    h.call(
        "CreateRepository",
        Map.of("repositoryName", "mostly-locked", "imageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
            "imageTagMutabilityExclusionFilters", List.of(Map.of("filterType", "WILDCARD", "filter", "dev-*"))));
    h.call("PutImage", Map.of("repositoryName", "mostly-locked", "imageManifest", MANIFEST_1, "imageTag", "dev-1"));
    h.call("PutImage", Map.of("repositoryName", "mostly-locked", "imageManifest", MANIFEST_2, "imageTag", "dev-1"));
    h.call("PutImage", Map.of("repositoryName", "mostly-locked", "imageManifest", MANIFEST_1, "imageTag", "prod"));
    h.fails("PutImage", Map.of("repositoryName", "mostly-locked", "imageManifest", MANIFEST_2, "imageTag", "prod"), "ImageTagAlreadyExistsException");
  }

  @Test
  void putImage_validatesManifestDigestAndMediaType() {
    h.call("CreateRepository", Map.of("repositoryName", REPO));
    h.fails("PutImage", Map.of("repositoryName", REPO, "imageManifest", "not json"), "InvalidParameterException");
    h.fails("PutImage", Map.of("repositoryName", REPO, "imageManifest", "{\"schemaVersion\":2}"), "InvalidParameterException");
    h.fails("PutImage", Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageDigest", "sha256:00"), "ImageDigestDoesNotMatchException");
    h.fails(
        "PutImage",
        Map.of("repositoryName", REPO, "imageManifest", MANIFEST_1, "imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json"),
        "InvalidParameterException");
    String oci = "{\"schemaVersion\":2,\"layers\":[]}";
    Map<String, Object> image =
        image(h.call("PutImage", Map.of("repositoryName", REPO, "imageManifest", oci, "imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json",
            "imageDigest", sha256(oci))));
    assertEquals("application/vnd.oci.image.manifest.v1+json", image.get("imageManifestMediaType"));
  }

  @Test
  void registryId_addressesThatAccountsRegistry() {
    String other = "210987654321";
    Map<String, Object> repo = repository(h.call("CreateRepository", Map.of("repositoryName", REPO, "registryId", other)));
    assertEquals("arn:aws:ecr:us-east-1:" + other + ":repository/" + REPO, repo.get("repositoryArn"));
    assertEquals(other + ".dkr.ecr.us-east-1.amazonaws.com/" + REPO, repo.get("repositoryUri"));
    h.fails("DescribeRepositories", Map.of("repositoryNames", List.of(REPO)), "RepositoryNotFoundException");
    h.call("PutImage", Map.of("repositoryName", REPO, "registryId", other, "imageManifest", MANIFEST_1, "imageTag", "v1"));
    Map<String, Object> got = h.call("BatchGetImage", Map.of("repositoryName", REPO, "registryId", other, "imageIds", List.of(Map.of("imageTag", "v1"))));
    assertEquals(other, list(got, "images").get(0).get("registryId"));
    assertEquals(
        "The repository with name '" + REPO + "' does not exist in the registry with id '123456789012'",
        h.fails("DescribeImages", Map.of("repositoryName", REPO), "RepositoryNotFoundException").getMessage());
  }

  @Test
  void describe_pagesWithMaxResults() {
    for (String r : List.of("a", "b", "c")) h.call("CreateRepository", Map.of("repositoryName", r));
    Map<String, Object> first = h.call("DescribeRepositories", Map.of("maxResults", 2));
    assertEquals(List.of("a", "b"), repoNames(first));
    Map<String, Object> rest = h.call("DescribeRepositories", Map.of("maxResults", 2, "nextToken", first.get("nextToken")));
    assertEquals(List.of("c"), repoNames(rest));
    assertNull(rest.get("nextToken"));
    h.fails("DescribeRepositories", Map.of("nextToken", "zzz"), "InvalidParameterException");
  }

  @Test
  void repositoriesAreRegional_andResetForgetsThem() {
    h.call("CreateRepository", Map.of("repositoryName", REPO));
    h.as(HandlerHarness.ACCOUNT, "eu-west-1");
    assertEquals(List.of(), repoNames(h.call("DescribeRepositories", Map.of())));
    ecr.reset();
    assertEquals(List.of(), ecr.resources());
  }

  // --- helpers

  static String manifest(String mediaType, long configSize, long... layerSizes) {
    StringBuilder layers = new StringBuilder();
    for (long s : layerSizes) {
      if (layers.length() > 0) layers.append(',');
      layers.append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":").append(s)
          .append(",\"digest\":\"sha256:").append(s).append("\"}");
    }
    return "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.docker.container.image.v1+json\",\"size\":" + configSize + ",\"digest\":\"sha256:c\"},"
        + "\"layers\":[" + layers + "]}";
  }

  static String sha256(String s) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> tagsOf(String digest) {
    Map<String, Object> d = list(h.call("DescribeImages", Map.of("repositoryName", REPO, "imageIds", List.of(Map.of("imageDigest", digest)))), "imageDetails").get(0);
    return d.get("imageTags") == null ? List.of() : (List<String>) d.get("imageTags");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> repository(Map<String, Object> out) {
    return (Map<String, Object>) out.get("repository");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> image(Map<String, Object> out) {
    return (Map<String, Object>) out.get("image");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> out, String member) {
    return (List<Map<String, Object>>) out.get(member);
  }

  static List<String> repoNames(Map<String, Object> out) {
    return list(out, "repositories").stream().map(r -> (String) r.get("repositoryName")).toList();
  }
}
