package io.harnessdeployer.workflows.steps;

import java.util.List;

/** @param failures one line per revision that could not be deregistered or deleted */
public record TaskDefinitionsResult(
    String family, int deregistered, int deleted, List<String> failures) {}
