package io.harnessdeployer.activities.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.activities.testing.EmulatorRig;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.ImageArchitecture;
import io.harnessdeployer.workflows.steps.ImageArchitecture.Verdict;
import io.harnessdeployer.workflows.steps.ImageCheck;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/** The advisory architecture check against the emulator's ECR, cross-account as in spec §9.1. */
class EcrActivitiesTest {
  static final String MARKETPLACE = Names.MARKETPLACE_ACCOUNT;
  static final String REPO = "zscaler/zscaler-mcp-server";
  static EmulatorRig rig;
  static EcrActivitiesImpl ecr;
  static EcrClient client;

  @BeforeAll
  static void start() {
    rig = new EmulatorRig();
    client = rig.aws.ecr(EmulatorRig.REGION);
    ecr = new EcrActivitiesImpl(rig.aws::ecr, rig.aws.http());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @BeforeEach
  void reset() {
    rig.reset();
    client.createRepository(r -> r.registryId(MARKETPLACE).repositoryName(REPO));
  }

  static String index(String... architectures) {
    StringBuilder m = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":"
        + "\"application/vnd.oci.image.index.v1+json\",\"manifests\":[");
    for (int i = 0; i < architectures.length; i++) {
      m.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",")
          .append("\"digest\":\"sha256:").append(String.valueOf(i + 1).repeat(64)).append("\",\"size\":100,")
          .append("\"platform\":{\"architecture\":\"").append(architectures[i]).append("\",\"os\":\"linux\"}}");
    }
    return m.append("]}").toString();
  }

  ImageArchitecture check(String image) {
    return ecr.checkImageArchitecture(new ImageCheck(EmulatorRig.scope("r"), image));
  }

  void put(String tag, String manifest) {
    client.putImage(r -> r.registryId(MARKETPLACE).repositoryName(REPO).imageTag(tag).imageManifest(manifest));
  }

  @Test
  void marketplaceMultiArchImage_isFoundThroughItsRegistryId() {
    put("0.10.4-bedrock", index("amd64", "arm64", "unknown"));
    ImageArchitecture result = check(Names.DEFAULT_IMAGE);
    assertEquals(Verdict.AMD64, result.verdict(), result.note());
    assertEquals(List.of("amd64", "arm64"), result.architectures());
    String registry = String.valueOf(rig.requests("ecr", "BatchGetImage").get(0).get("parameters"));
    assertTrue(registry.contains(MARKETPLACE), "registryId is sent (the seed's bug): " + registry);
  }

  @Test
  void armOnlyImage_isNoAmd64_withTheHint() {
    put("arm", index("arm64"));
    ImageArchitecture result = check("709825985650.dkr.ecr.us-east-1.amazonaws.com/" + REPO + ":arm");
    assertEquals(Verdict.NO_AMD64, result.verdict());
    assertTrue(result.note().contains("exec format error"));
  }

  @Test
  void singleArchManifestWithoutReadableConfig_isUnknown() {
    put("single", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
        + "a".repeat(64) + "\",\"size\":10},\"layers\":[]}");
    ImageArchitecture result = check("709825985650.dkr.ecr.us-east-1.amazonaws.com/" + REPO + ":single");
    assertEquals(Verdict.UNKNOWN, result.verdict(), result.note());
  }

  @Test
  void missingImageOrRepository_orAnEcrFault_isSkipped_neverAFailure() {
    assertEquals(Verdict.SKIPPED, check("709825985650.dkr.ecr.us-east-1.amazonaws.com/" + REPO + ":nope").verdict());
    assertEquals(Verdict.SKIPPED, check("111122223333.dkr.ecr.us-east-1.amazonaws.com/none:1").verdict());
    put("0.10.4-bedrock", index("amd64"));
    rig.fault("ecr", "BatchGetImage", "AccessDeniedException", 400, 1);
    ImageArchitecture denied = check(Names.DEFAULT_IMAGE);
    assertEquals(Verdict.SKIPPED, denied.verdict());
    assertTrue(denied.note().contains("AccessDeniedException"), denied.note());
  }
}
