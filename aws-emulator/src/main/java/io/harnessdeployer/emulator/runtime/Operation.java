package io.harnessdeployer.emulator.runtime;

import java.util.Map;

/**
 * One AWS operation. Input and output are generic values shaped by the service model: structures and
 * maps are {@code Map<String,Object>}, lists are {@code List<Object>}, and scalars are
 * {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant}
 * (timestamps) or {@code byte[]} (blobs). Raise {@link io.harnessdeployer.emulator.error.AwsServiceError}.
 */
@FunctionalInterface
public interface Operation {
  Map<String, Object> invoke(RequestContext ctx, Map<String, Object> input);
}
