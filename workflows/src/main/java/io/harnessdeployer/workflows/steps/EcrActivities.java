package io.harnessdeployer.workflows.steps;

import io.temporal.activity.ActivityInterface;

/** ECR: the advisory image-architecture check (spec §9.1). */
@ActivityInterface
public interface EcrActivities {
  /**
   * BatchGetImage with the registry id parsed from the URI (the seed omits it, Appendix B.13), in
   * the image's region; reads the platforms of an index, or the config blob's architecture. Never
   * fails a deploy: any error → SKIPPED.
   */
  ImageArchitecture checkImageArchitecture(ImageCheck input);
}
