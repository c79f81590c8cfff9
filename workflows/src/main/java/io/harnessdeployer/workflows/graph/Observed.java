package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.common.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a read-only describe saw of one resource. Never a secret value: a secret is described by
 * ARN, version ids and key names, the API-key provider by ARN and name.
 *
 * @param status the service's own status word (ACTIVE, READY …); null where the resource has none
 * @param properties plain JSON-like values only (String, Number, Boolean, List, Map), so they
 *     survive Temporal's payload round trip unchanged
 */
public record Observed(
    boolean exists, String status, Map<String, String> tags, Map<String, Object> properties) {
  public Observed {
    // sorted, so what a describe shows reads the same on every worker (Map.of's order is per JVM)
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tags));
    properties = properties == null ? Map.of() : properties;
  }

  public static Observed missing() {
    return new Observed(false, null, Map.of(), Map.of());
  }

  /** Whether it is there to use: it exists and is not scheduled for deletion (a secret's {@code deleted}). */
  public boolean present() {
    return exists && !Boolean.TRUE.equals(properties.get("deleted"));
  }

  /**
   * What a desired state is compared with: the properties, the status (when there is one) and the
   * tags under {@code tags}. The run tag is left out: which run made it is history, not desired state;
   * so is the secret's version tag, which its describe reads into {@code currentVersion}.
   * A missing resource is an empty map, so every desired property reads as REMOVE.
   */
  public Map<String, Object> comparable() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!exists) {
      return out;
    }
    out.putAll(properties);
    if (status != null) {
      out.put("status", status);
    }
    Map<String, Object> t = new LinkedHashMap<>(tags);
    t.remove(Names.TAG_RUN);
    t.remove(Names.TAG_SECRET_VERSION); // compared as the secret's currentVersion
    out.put("tags", t);
    return out;
  }
}
