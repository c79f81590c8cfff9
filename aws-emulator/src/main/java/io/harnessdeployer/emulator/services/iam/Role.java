package io.harnessdeployer.emulator.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One IAM role and what hangs off it. Guarded by the handler's lock. */
final class Role {
  final String name;
  final String path;
  final String id;
  final String arn;
  final Instant createDate;
  final String description;
  final int maxSessionDuration;
  final String permissionsBoundaryArn;
  String assumeRolePolicyDocument;
  /** Keys keep the caller's case; IAM compares them case-insensitively. */
  final Map<String, String> tags = new LinkedHashMap<>();
  final Map<String, String> inlinePolicies = new TreeMap<>();
  final Set<String> attachedPolicyArns = new LinkedHashSet<>();

  Role(
      String name,
      String path,
      String id,
      String arn,
      Instant createDate,
      String assumeRolePolicyDocument,
      String description,
      int maxSessionDuration,
      String permissionsBoundaryArn) {
    this.name = name;
    this.path = path;
    this.id = id;
    this.arn = arn;
    this.createDate = createDate;
    this.assumeRolePolicyDocument = assumeRolePolicyDocument;
    this.description = description;
    this.maxSessionDuration = maxSessionDuration;
    this.permissionsBoundaryArn = permissionsBoundaryArn;
  }

  /** Adds or replaces tags; a key differing only in case replaces the old one. */
  void tag(Map<String, String> newTags) {
    newTags.forEach(
        (k, v) -> {
          untag(Set.of(k));
          tags.put(k, v);
        });
  }

  void untag(Set<String> keys) {
    Set<String> lower = new LinkedHashSet<>();
    keys.forEach(k -> lower.add(k.toLowerCase(Locale.ROOT)));
    tags.keySet().removeIf(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
  }
}
