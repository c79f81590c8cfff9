package io.harnessdeployer.emulator.services.ecr;

import static io.harnessdeployer.emulator.services.ecr.EcrConstants.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.services.common.Contexts;
import io.harnessdeployer.emulator.services.common.Json;
import io.harnessdeployer.emulator.services.common.KeyValueTags;
import io.harnessdeployer.emulator.services.common.Output;
import io.harnessdeployer.emulator.services.common.Page;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.StoreHandler;
import io.harnessdeployer.emulator.state.AccountRegionStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECR: repositories and image manifests. Regional; {@code registryId} names the account whose
 * registry is addressed and defaults to the caller's.
 */
public final class EcrHandler extends StoreHandler<EcrState> {

  public EcrHandler() {
    super(SERVICE, AccountRegionStore.regional(EcrState::new));
    on("CreateRepository", this::createRepository);
    on("DescribeRepositories", this::describeRepositories);
    on("DeleteRepository", this::deleteRepository);
    on("PutImage", this::putImage);
    on("BatchGetImage", this::batchGetImage);
    on("DescribeImages", this::describeImages);
  }

  @Override
  public synchronized List<ResourceView> resources() {
    List<ResourceView> out = new ArrayList<>();
    for (EcrState s : store.all()) {
      for (Repository r : s.repositories.values()) {
        out.add(new ResourceView(SERVICE, RESOURCE_TYPE, r.name, r.arn, STATUS_ACTIVE, Map.copyOf(r.tags)));
      }
    }
    return out;
  }

  // --- repositories

  private synchronized Map<String, Object> createRepository(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    String name = Params.string(in, "repositoryName");
    if (reg.state.repositories.containsKey(name)) throw AwsServiceError.of(REPOSITORY_EXISTS, repositoryExists(name, reg.id));
    Map<String, Object> encryption = Params.structure(in, "encryptionConfiguration");
    List<String> exclusions = new ArrayList<>();
    Params.structures(in, "imageTagMutabilityExclusionFilters").forEach(f -> exclusions.add(Params.string(f, "filter")));
    Repository r =
        new Repository(
            name,
            reg.id,
            reg.ctx.arn(SERVICE, REPOSITORY_PREFIX + name),
            String.format(URI_FORMAT, reg.id, ctx.region(), name),
            ctx.now(),
            Optional.ofNullable(Params.string(in, "imageTagMutability")).orElse(MUTABLE),
            List.copyOf(exclusions),
            Params.flag(Params.structure(in, "imageScanningConfiguration"), "scanOnPush"),
            Optional.ofNullable(Params.string(encryption, "encryptionType")).orElse(DEFAULT_ENCRYPTION),
            Params.string(encryption, "kmsKey"));
    r.tags.putAll(KeyValueTags.fromList(Params.structures(in, "tags")));
    reg.state.repositories.put(name, r);
    return Output.of().put("repository", repositoryView(r)).build();
  }

  private synchronized Map<String, Object> describeRepositories(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    List<String> names = Params.strings(in, "repositoryNames");
    List<Repository> repos =
        names.isEmpty() ? List.copyOf(reg.state.repositories.values()) : names.stream().map(n -> reg.repository(n)).toList();
    Page<Repository> page = page(repos, in);
    List<Object> out = new ArrayList<>();
    page.items().forEach(r -> out.add(repositoryView(r)));
    return Output.of().put("repositories", out).put("nextToken", page.nextToken()).build();
  }

  private synchronized Map<String, Object> deleteRepository(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    Repository r = reg.repository(Params.string(in, "repositoryName"));
    if (!r.images.isEmpty() && !Params.flag(in, "force")) {
      throw AwsServiceError.of(REPOSITORY_NOT_EMPTY, repositoryNotEmpty(r.name, reg.id));
    }
    reg.state.repositories.remove(r.name);
    return Output.of().put("repository", repositoryView(r)).build();
  }

  // --- images

  private synchronized Map<String, Object> putImage(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    Repository r = reg.repository(Params.string(in, "repositoryName"));
    String raw = Params.string(in, "imageManifest");
    JsonNode manifest = Json.parse(raw).filter(JsonNode::isObject).orElseThrow(() -> AwsServiceError.of(INVALID_PARAMETER, INVALID_MANIFEST));
    String mediaType = mediaType(Params.string(in, "imageManifestMediaType"), Manifests.mediaType(manifest));
    String digest = Manifests.digest(raw);
    String givenDigest = Params.string(in, "imageDigest");
    if (givenDigest != null && !givenDigest.equals(digest)) throw AwsServiceError.of(DIGEST_MISMATCH, digestMismatch(givenDigest, digest));

    String tag = Params.string(in, "imageTag");
    Optional<Image> existing = r.byDigest(digest);
    if (existing.isPresent() && (tag == null || existing.get().tags.contains(tag))) {
      throw AwsServiceError.of(IMAGE_EXISTS, imageExists(digest, tag, r.name, reg.id));
    }
    Optional<Image> holder = tag == null ? Optional.empty() : r.byTag(tag);
    if (holder.isPresent() && r.tagImmutable(tag)) throw AwsServiceError.of(IMAGE_TAG_EXISTS, tagImmutable(tag, r.name));

    Image image =
        existing.orElseGet(
            () -> {
              Image created = new Image(digest, raw, mediaType, Manifests.configMediaType(manifest), Manifests.size(manifest, raw), ctx.now());
              r.images.add(created);
              return created;
            });
    if (tag != null) {
      holder.ifPresent(h -> h.tags.remove(tag));
      image.tags.add(tag);
    }
    return Output.of().put("image", imageView(reg, r, image, tag)).build();
  }

  /**
   * acceptedMediaTypes is read but nothing is converted: ECR only rewrites between Docker schema
   * versions, and otherwise returns the stored manifest, which is what happens here.
   */
  private synchronized Map<String, Object> batchGetImage(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    Repository r = reg.repository(Params.string(in, "repositoryName"));
    List<Object> images = new ArrayList<>();
    List<Object> failures = new ArrayList<>();
    for (Map<String, Object> id : Params.structures(in, "imageIds")) {
      String digest = Params.string(id, "imageDigest");
      String tag = Params.string(id, "imageTag");
      Lookup found = lookup(r, digest, tag);
      if (found.image() != null) {
        images.add(imageView(reg, r, found.image(), tag));
      } else {
        failures.add(
            Output.of()
                .put("imageId", Output.of().put("imageDigest", digest).put("imageTag", tag).build())
                .put("failureCode", found.failureCode())
                .put("failureReason", found.failureReason())
                .build());
      }
    }
    return Output.of().put("images", images).put("failures", failures).build();
  }

  private synchronized Map<String, Object> describeImages(RequestContext ctx, Map<String, Object> in) {
    Registry reg = registry(ctx, in);
    Repository r = reg.repository(Params.string(in, "repositoryName"));
    List<Map<String, Object>> ids = Params.structures(in, "imageIds");
    List<Image> images;
    if (ids.isEmpty()) {
      String tagStatus = Params.string(Params.structure(in, "filter"), "tagStatus");
      images =
          r.images.stream()
              .filter(i -> !TAGGED.equals(tagStatus) || !i.tags.isEmpty())
              .filter(i -> !UNTAGGED.equals(tagStatus) || i.tags.isEmpty())
              .toList();
    } else {
      Set<Image> found = new LinkedHashSet<>();
      for (Map<String, Object> id : ids) {
        String digest = Params.string(id, "imageDigest");
        String tag = Params.string(id, "imageTag");
        Image image = lookup(r, digest, tag).image();
        if (image == null) throw AwsServiceError.of(IMAGE_NOT_FOUND, imageNotFound(digest, tag, r.name, reg.id));
        found.add(image);
      }
      images = List.copyOf(found);
    }
    Page<Image> page = page(images, in);
    List<Object> details = new ArrayList<>();
    page.items().forEach(i -> details.add(imageDetail(reg, r, i)));
    return Output.of().put("imageDetails", details).put("nextToken", page.nextToken()).build();
  }

  // --- helpers

  /** The registry addressed by {@code registryId}, or the caller's. */
  private record Registry(String id, RequestContext ctx, EcrState state) {
    Repository repository(String name) {
      Repository r = name == null ? null : state.repositories.get(name);
      if (r == null) throw AwsServiceError.of(REPOSITORY_NOT_FOUND, repositoryNotFound(name, id));
      return r;
    }
  }

  private Registry registry(RequestContext ctx, Map<String, Object> in) {
    String id = Optional.ofNullable(Params.string(in, "registryId")).orElse(ctx.accountId());
    RequestContext registryCtx = Contexts.forAccount(ctx, id);
    return new Registry(id, registryCtx, store.of(registryCtx));
  }

  private record Lookup(Image image, String failureCode, String failureReason) {}

  private static Lookup lookup(Repository r, String digest, String tag) {
    if (digest == null && tag == null) return new Lookup(null, FAILURE_MISSING_ID, FAILURE_MISSING_ID_REASON);
    Optional<Image> image = digest != null ? r.byDigest(digest) : r.byTag(tag);
    if (image.isEmpty()) return new Lookup(null, FAILURE_NOT_FOUND, FAILURE_NOT_FOUND_REASON);
    if (digest != null && tag != null && !image.get().tags.contains(tag)) {
      return new Lookup(null, FAILURE_TAG_DIGEST, FAILURE_TAG_DIGEST_REASON);
    }
    return new Lookup(image.get(), null, null);
  }

  private static String mediaType(String given, String inManifest) {
    if (given != null && inManifest != null && !given.equals(inManifest)) {
      throw AwsServiceError.of(INVALID_PARAMETER, mediaTypeMismatch(given, inManifest));
    }
    String mediaType = given != null ? given : inManifest;
    if (mediaType == null) throw AwsServiceError.of(INVALID_PARAMETER, NO_MEDIA_TYPE);
    return mediaType;
  }

  private static <T> Page<T> page(List<T> items, Map<String, Object> in) {
    Integer max = Params.integer(in, "maxResults");
    return Page.of(
        items, Params.string(in, "nextToken"), max == null ? DEFAULT_MAX_RESULTS : max,
        () -> AwsServiceError.of(INVALID_PARAMETER, INVALID_TOKEN));
  }

  private static Map<String, Object> repositoryView(Repository r) {
    List<Object> exclusions = new ArrayList<>();
    r.mutabilityExclusions.forEach(f -> exclusions.add(Output.of().put("filterType", "WILDCARD").put("filter", f).build()));
    return Output.of()
        .put("repositoryArn", r.arn)
        .put("registryId", r.registryId)
        .put("repositoryName", r.name)
        .put("repositoryUri", r.uri)
        .put("createdAt", r.createdAt)
        .put("imageTagMutability", r.tagMutability)
        .put("imageTagMutabilityExclusionFilters", exclusions.isEmpty() ? null : exclusions)
        .put("imageScanningConfiguration", Output.of().put("scanOnPush", r.scanOnPush).build())
        .put("encryptionConfiguration", Output.of().put("encryptionType", r.encryptionType).put("kmsKey", r.kmsKey).build())
        .build();
  }

  private static Map<String, Object> imageView(Registry reg, Repository r, Image i, String tag) {
    return Output.of()
        .put("registryId", reg.id())
        .put("repositoryName", r.name)
        .put("imageId", Output.of().put("imageDigest", i.digest).put("imageTag", tag).build())
        .put("imageManifest", i.manifest)
        .put("imageManifestMediaType", i.mediaType)
        .build();
  }

  private static Map<String, Object> imageDetail(Registry reg, Repository r, Image i) {
    return Output.of()
        .put("registryId", reg.id())
        .put("repositoryName", r.name)
        .put("imageDigest", i.digest)
        .put("imageTags", i.tags.isEmpty() ? null : List.copyOf(i.tags))
        .put("imageSizeInBytes", i.sizeInBytes)
        .put("imagePushedAt", i.pushedAt)
        .put("imageManifestMediaType", i.mediaType)
        .put("artifactMediaType", i.artifactMediaType)
        .build();
  }
}
