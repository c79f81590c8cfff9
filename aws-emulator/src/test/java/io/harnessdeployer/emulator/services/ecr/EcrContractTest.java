package io.harnessdeployer.emulator.services.ecr;

import static org.junit.jupiter.api.Assertions.*;

import io.harnessdeployer.emulator.Clients;
import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** ECR through the real SDK client. */
class EcrContractTest {
  static final String REPO = EcrHandlerTest.REPO;
  static final String MANIFEST = EcrHandlerTest.MANIFEST_1;
  static Emulator emulator;
  static EcrClient ecr;

  @BeforeAll
  static void start() {
    emulator = Emulator.builder().build().start();
    ecr = Clients.of(EcrClient.builder(), emulator);
  }

  @AfterAll
  static void stop() {
    ecr.close();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.handlers().forEach(ServiceHandler::reset);
  }

  @Test
  void repositoryAndImageLifecycle() {
    Repository repo = ecr.createRepository(r -> r.repositoryName(REPO)).repository();
    assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/" + REPO, repo.repositoryUri());
    assertEquals(ImageTagMutability.MUTABLE, repo.imageTagMutability());
    assertNotNull(repo.createdAt());

    String digest = ecr.putImage(r -> r.repositoryName(REPO).imageManifest(MANIFEST).imageTag("v1")).image().imageId().imageDigest();
    assertEquals(EcrHandlerTest.sha256(MANIFEST), digest);

    BatchGetImageResponse got =
        ecr.batchGetImage(r -> r.repositoryName(REPO)
            .imageIds(ImageIdentifier.builder().imageTag("v1").build(), ImageIdentifier.builder().imageTag("v2").build())
            .acceptedMediaTypes(EcrHandlerTest.DOCKER_V2, "application/vnd.oci.image.manifest.v1+json"));
    assertEquals(MANIFEST, got.images().get(0).imageManifest());
    assertEquals(EcrHandlerTest.DOCKER_V2, got.images().get(0).imageManifestMediaType());
    assertEquals(ImageFailureCode.IMAGE_NOT_FOUND, got.failures().get(0).failureCode());
    assertEquals("v2", got.failures().get(0).imageId().imageTag());

    List<ImageDetail> details = ecr.describeImagesPaginator(r -> r.repositoryName(REPO).maxResults(1)).imageDetails().stream().toList();
    assertEquals(1, details.size());
    assertEquals(List.of("v1"), details.get(0).imageTags());
    assertEquals(3100L, details.get(0).imageSizeInBytes());
    assertEquals(digest, details.get(0).imageDigest());

    assertEquals(List.of(REPO), ecr.describeRepositories().repositories().stream().map(Repository::repositoryName).toList());
    RepositoryNotEmptyException notEmpty = assertThrows(RepositoryNotEmptyException.class, () -> ecr.deleteRepository(r -> r.repositoryName(REPO)));
    assertEquals(400, notEmpty.statusCode());
    ecr.deleteRepository(r -> r.repositoryName(REPO).force(true));
    RepositoryNotFoundException missing =
        assertThrows(RepositoryNotFoundException.class, () -> ecr.describeImages(r -> r.repositoryName(REPO)));
    assertEquals(
        "The repository with name '" + REPO + "' does not exist in the registry with id '123456789012'",
        missing.awsErrorDetails().errorMessage());
  }

  @Test
  void modeledErrors_reachTheClientAsTheirExceptions() {
    ecr.createRepository(r -> r.repositoryName(REPO).imageTagMutability(ImageTagMutability.IMMUTABLE));
    assertThrows(RepositoryAlreadyExistsException.class, () -> ecr.createRepository(r -> r.repositoryName(REPO)));
    ecr.putImage(r -> r.repositoryName(REPO).imageManifest(MANIFEST).imageTag("v1"));
    assertThrows(ImageTagAlreadyExistsException.class,
        () -> ecr.putImage(r -> r.repositoryName(REPO).imageManifest(EcrHandlerTest.MANIFEST_2).imageTag("v1")));
    assertThrows(ImageNotFoundException.class,
        () -> ecr.describeImages(r -> r.repositoryName(REPO).imageIds(ImageIdentifier.builder().imageTag("nope").build())));
    assertThrows(RepositoryNotFoundException.class,
        () -> ecr.batchGetImage(r -> r.repositoryName("nope").imageIds(ImageIdentifier.builder().imageTag("v1").build())));
    assertThrows(RepositoryNotFoundException.class,
        () -> ecr.describeImages(r -> r.repositoryName(REPO).registryId("210987654321")));
  }
}
