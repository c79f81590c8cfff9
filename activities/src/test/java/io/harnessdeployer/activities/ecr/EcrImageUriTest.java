package io.harnessdeployer.activities.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.EcrImageUri;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.ImageArchitecture.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcrImageUriTest {
  @Test
  void parse_defaultImage() {
    assertEquals(Optional.of(new EcrImageUri("709825985650", "us-east-1", "zscaler/zscaler-mcp-server", "0.10.4-bedrock")),
        EcrImageUri.parse(Names.DEFAULT_IMAGE));
  }

  @Test
  void parse_digestAndDefaultTag() {
    EcrImageUri d = EcrImageUri.parse("111122223333.dkr.ecr.eu-west-1.amazonaws.com/a/b@sha256:abc").orElseThrow();
    assertEquals("sha256:abc", d.reference());
    assertTrue(d.byDigest());
    assertEquals("latest", EcrImageUri.parse("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app").orElseThrow().reference());
  }

  @Test
  void parse_rejectsOtherRegistries() {
    assertTrue(EcrImageUri.parse("docker.io/library/nginx:1").isEmpty());
    assertTrue(EcrImageUri.parse("public.ecr.aws/zscaler/mcp:1").isEmpty());
    assertTrue(EcrImageUri.parse(null).isEmpty());
  }

  @Test
  void verdicts() throws Exception {
    var index = new ObjectMapper().readTree("""
        {"manifests":[{"platform":{"architecture":"arm64","os":"linux"}},
                      {"platform":{"architecture":"amd64","os":"linux"}},
                      {"platform":{"architecture":"unknown","os":"unknown"}}]}""");
    assertEquals(List.of("arm64", "amd64"), EcrActivitiesImpl.platforms(index));
    assertEquals(Verdict.AMD64, EcrActivitiesImpl.verdict(List.of("arm64", "amd64")).verdict());
    assertEquals(Verdict.NO_AMD64, EcrActivitiesImpl.verdict(List.of("arm64")).verdict());
    assertTrue(EcrActivitiesImpl.verdict(List.of("arm64")).note().contains("exec format error"));
    assertEquals(Verdict.UNKNOWN, EcrActivitiesImpl.verdict(List.of()).verdict());
  }

  @Test
  void nonEcrImage_isSkippedWithoutAnyCall() {
    var impl = new EcrActivitiesImpl(region -> { throw new AssertionError("no ECR call expected"); }, null);
    var result = impl.checkImageArchitecture(new io.harnessdeployer.workflows.steps.ImageCheck(
        io.harnessdeployer.activities.testing.EmulatorRig.scope("r"), "docker.io/zscaler/mcp:1"));
    assertEquals(Verdict.SKIPPED, result.verdict());
  }
}
