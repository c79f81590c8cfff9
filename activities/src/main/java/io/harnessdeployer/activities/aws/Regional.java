package io.harnessdeployer.activities.aws;

/**
 * An SDK client for a region. Each deployment names its own region, so activities ask for the
 * client per call; {@link AwsClients} builds each one once and caches it.
 */
@FunctionalInterface
public interface Regional<C> {
  C in(String region);
}
