package io.harnessdeployer.worker;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.common.SearchAttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * At start the worker checks that the namespace has every search attribute our workflows set
 * ({@link SearchAttributes#ALL}), with its type; a workflow that upserts a missing one fails its
 * workflow task over and over. The compose stack's temporal-init job creates them.
 */
public final class SearchAttributeCheck {
  /** What was found: {@code problems} empty when all is well; {@code checked} false if the server cannot list. */
  public record Result(boolean checked, List<String> problems, String fix) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private SearchAttributeCheck() {}

  /** @param list the operator service's ListSearchAttributes (its blocking stub's method) */
  public static Result run(String namespace, Function<ListSearchAttributesRequest, ListSearchAttributesResponse> list) {
    Map<String, IndexedValueType> existing;
    try {
      existing = list.apply(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return new Result(false, List.of(), "");
      }
      throw e;
    }
    List<String> problems = new ArrayList<>();
    StringBuilder fix = new StringBuilder();
    for (SearchAttributeKey<?> key : SearchAttributes.ALL) {
      IndexedValueType found = existing.get(key.getName());
      if (found == key.getValueType()) {
        continue;
      }
      problems.add(key.getName() + (found == null ? " is missing" : " is " + typeName(found) + ", not " + typeName(key.getValueType())));
      fix.append(found == null ? "" : "  temporal operator search-attribute remove --namespace " + namespace
          + " --name " + key.getName() + "\n");
      fix.append("  temporal operator search-attribute create --namespace ").append(namespace)
          .append(" --name ").append(key.getName()).append(" --type ").append(typeName(key.getValueType())).append('\n');
    }
    return new Result(true, problems, fix.toString());
  }

  /** The name the Temporal CLI takes: INDEXED_VALUE_TYPE_KEYWORD → Keyword. */
  static String typeName(IndexedValueType type) {
    String s = type.name().substring("INDEXED_VALUE_TYPE_".length()).toLowerCase();
    return s.equals("keyword_list") ? "KeywordList" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The line the worker logs (or fails with) for {@code r}. */
  public static String describe(String namespace, Result r) {
    if (!r.checked()) {
      return "search attributes not checked: the server cannot list them (UNIMPLEMENTED, e.g. Temporal's test server)";
    }
    if (r.ok()) {
      return "search attributes present on namespace " + namespace + ": "
          + SearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList();
    }
    return "namespace " + namespace + " lacks search attributes the workflows set: " + String.join(", ", r.problems())
        + ". Create them (the compose stack's job does: docker compose run --rm temporal-init), or with the Temporal CLI:\n"
        + r.fix();
  }
}
