package io.harnessdeployer.workflows.steps;

import java.util.List;

/** @param note one human line for the operator (e.g. the multi-arch build hint) */
public record ImageArchitecture(Verdict verdict, List<String> architectures, String note) {
  public enum Verdict {
    /** linux/amd64 is among the image's platforms. */
    AMD64,
    /** Platforms known, amd64 missing: Fargate tasks will exit with "exec format error". */
    NO_AMD64,
    UNKNOWN,
    /** Not an ECR URI, or ECR could not be asked. */
    SKIPPED
  }
}
