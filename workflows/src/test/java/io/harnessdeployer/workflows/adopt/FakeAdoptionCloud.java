package io.harnessdeployer.workflows.adopt;

import io.harnessdeployer.workflows.steps.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resources by name, each with its tags, judged by the real {@link AdoptRules}; every tag call is
 * recorded. The harness is found by id when the target has one.
 */
final class FakeAdoptionCloud implements AdoptionActivities {
  /** name (or harness id) → tags; absent = missing. */
  final Map<String, Map<String, String>> resources = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> tagCalls = Collections.synchronizedList(new ArrayList<>());

  void put(String name, Map<String, String> tags) {
    resources.put(name, new LinkedHashMap<>(tags));
  }

  @Override
  public AdoptFinding inspectForAdoption(AdoptLookup lookup) {
    return judge(lookup.scope(), lookup.target());
  }

  @Override
  public AdoptFinding tagForAdoption(AdoptLookup lookup) {
    AdoptFinding f = judge(lookup.scope(), lookup.target());
    if (f.verdict() != AdoptVerdict.WILL_TAG) {
      return f;
    }
    tagCalls.add(lookup.target().name());
    resources.get(key(lookup.target())).putAll(AdoptRules.tags(lookup.scope()));
    return f.with(AdoptVerdict.TAGGED, "tagged");
  }

  private AdoptFinding judge(Scope scope, AdoptTarget t) {
    Map<String, String> tags = resources.get(key(t));
    return tags == null ? AdoptRules.missing(t) : AdoptRules.verdict(scope, t, "arn:" + key(t), tags);
  }

  private static String key(AdoptTarget t) {
    return t.id() != null ? t.id() : t.name();
  }
}
