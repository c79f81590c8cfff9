package io.harnessdeployer.activities.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.EcrImageUri;
import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.activities.common.HttpGet;
import io.harnessdeployer.workflows.steps.EcrActivities;
import io.harnessdeployer.workflows.steps.ImageArchitecture;
import io.harnessdeployer.workflows.steps.ImageArchitecture.Verdict;
import io.harnessdeployer.workflows.steps.ImageCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * The advisory image-architecture check (spec §9.1, fixed as Appendix B.13 asks): BatchGetImage with
 * the registry id from the URI, in the image's region; platforms from an index, else the config
 * blob's {@code architecture}. Never throws: any problem is SKIPPED or UNKNOWN with a note.
 */
public final class EcrActivitiesImpl implements EcrActivities {
  private static final Logger log = LoggerFactory.getLogger(EcrActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> MEDIA_TYPES = List.of(
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.index.v1+json");
  static final String HINT = "build for linux/amd64, e.g. make docker-build-multiarch IMAGE=<uri>";

  private final Regional<EcrClient> ecr;
  private final SdkHttpClient http;

  public EcrActivitiesImpl(Regional<EcrClient> ecr, SdkHttpClient http) {
    this.ecr = ecr;
    this.http = http;
  }

  @Override
  public ImageArchitecture checkImageArchitecture(ImageCheck input) {
    var uri = EcrImageUri.parse(input.imageUri());
    if (uri.isEmpty()) {
      return new ImageArchitecture(Verdict.SKIPPED, List.of(),
          "not a private ECR URI: make sure the image includes linux/amd64");
    }
    EcrImageUri image = uri.get();
    try {
      EcrClient client = ecr.in(image.region());
      ImageIdentifier id = image.byDigest()
          ? ImageIdentifier.builder().imageDigest(image.reference()).build()
          : ImageIdentifier.builder().imageTag(image.reference()).build();
      BatchGetImageResponse found = client.batchGetImage(r -> r.registryId(image.registryId())
          .repositoryName(image.repository()).imageIds(id).acceptedMediaTypes(MEDIA_TYPES));
      if (!found.hasImages() || found.images().isEmpty()) {
        return new ImageArchitecture(Verdict.SKIPPED, List.of(), "image not found in ECR; " + HINT);
      }
      JsonNode manifest = JSON.readTree(found.images().get(0).imageManifest());
      List<String> architectures = manifest.has("manifests")
          ? platforms(manifest)
          : configArchitecture(client, image, manifest);
      return verdict(architectures);
    } catch (Exception e) {
      String why = AwsFailures.classify("ECR image check", e).getOriginalMessage();
      log.info("skipping the image architecture check of {}: {}", input.imageUri(), why);
      return new ImageArchitecture(Verdict.SKIPPED, List.of(), "could not ask ECR (" + why + "); " + HINT);
    }
  }

  static ImageArchitecture verdict(List<String> architectures) {
    if (architectures.isEmpty()) {
      return new ImageArchitecture(Verdict.UNKNOWN, List.of(), "architecture unknown; " + HINT);
    }
    if (architectures.contains("amd64")) {
      return new ImageArchitecture(Verdict.AMD64, architectures, "image includes linux/amd64");
    }
    return new ImageArchitecture(Verdict.NO_AMD64, architectures, "no linux/amd64 in " + architectures
        + ": Fargate tasks will exit with 'exec format error' about 9 s after start; " + HINT);
  }

  /** An index or manifest list: each entry's platform (attestations say "unknown"). */
  static List<String> platforms(JsonNode index) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : index.get("manifests")) {
      String arch = m.path("platform").path("architecture").asText("");
      if (!arch.isEmpty() && !arch.equals("unknown") && !out.contains(arch)) {
        out.add(arch);
      }
    }
    return out;
  }

  /** A single manifest: the config blob says {@code "architecture"}; unreadable → unknown. */
  private List<String> configArchitecture(EcrClient client, EcrImageUri image, JsonNode manifest) {
    String digest = manifest.path("config").path("digest").asText("");
    if (digest.isEmpty()) {
      return List.of();
    }
    try {
      String url = client.getDownloadUrlForLayer(r -> r.registryId(image.registryId())
          .repositoryName(image.repository()).layerDigest(digest)).downloadUrl();
      HttpGet.Response blob = HttpGet.get(http, URI.create(url), Map.of());
      if (blob.status() != 200) {
        return List.of();
      }
      String arch = JSON.readTree(blob.body()).path("architecture").asText("");
      return arch.isEmpty() ? List.of() : List.of(arch);
    } catch (Exception e) {
      log.info("cannot read the config blob of {}: {}", image.repository(),
          AwsFailures.classify("ECR config blob", e).getOriginalMessage());
      return List.of();
    }
  }
}
