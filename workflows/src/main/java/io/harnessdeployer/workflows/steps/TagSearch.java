package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param clusters ECS clusters to look for tagged services in besides the tagged clusters (the
 *     cluster named in the request, which may be a pre-existing, untagged one)
 */
public record TagSearch(Scope scope, List<String> clusters) {}
