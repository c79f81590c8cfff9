package io.harnessdeployer.emulator.protocol;

import io.harnessdeployer.emulator.model.Member;
import io.harnessdeployer.emulator.model.OperationModel;
import io.harnessdeployer.emulator.model.ServiceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST service's operations compiled into path matchers. Trailing slashes are ignored; among
 * matches, more literal segments win, then routes whose required query arguments are all present.
 */
final class RestRouter {
  record Match(OperationModel op, Map<String, String> labels, int score) {}

  private record Route(OperationModel op, List<String> segments, Map<String, String> staticQuery, List<String> requiredQuery) {}

  private final List<Route> routes = new ArrayList<>();

  RestRouter(ServiceModel model) {
    for (OperationModel op : model.operations().values()) {
      String uri = op.requestUri();
      int q = uri.indexOf('?');
      Map<String, String> staticQuery = new LinkedHashMap<>();
      if (q >= 0) WireRequest.decodeForm(uri.substring(q + 1)).forEach((k, v) -> staticQuery.put(k, v.get(0)));
      List<String> required = new ArrayList<>();
      if (op.input() != null) {
        for (Member m : op.input().members().values()) {
          if ("querystring".equals(m.location()) && op.input().required().contains(m.name())) required.add(m.wireName());
        }
      }
      routes.add(new Route(op, segments(q >= 0 ? uri.substring(0, q) : uri), staticQuery, required));
    }
  }

  Optional<Match> match(WireRequest req) {
    List<String> path = segments(req.path());
    Map<String, List<String>> query = req.query();
    Match best = null;
    for (Route r : routes) {
      if (!r.op.method().equalsIgnoreCase(req.method())) continue;
      Map<String, String> labels = labels(r.segments, path);
      if (labels == null) continue;
      if (!r.staticQuery.entrySet().stream().allMatch(e -> query.containsKey(e.getKey()))) continue;
      int literals = (int) r.segments.stream().filter(s -> !s.startsWith("{")).count();
      int score = literals * 1000 + r.staticQuery.size() * 10 + (query.keySet().containsAll(r.requiredQuery) ? 1 : 0);
      if (best == null || score > best.score) best = new Match(r.op, labels, score);
    }
    return Optional.ofNullable(best);
  }

  private static Map<String, String> labels(List<String> template, List<String> path) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith("{") && t.endsWith("+}")) {
        if (i >= path.size()) return null;
        List<String> rest = path.subList(i, path.size()).stream().map(WireRequest::decodePathSegment).toList();
        labels.put(t.substring(1, t.length() - 2), String.join("/", rest));
        return labels;
      }
      if (i >= path.size()) return null;
      String segment = WireRequest.decodePathSegment(path.get(i));
      if (t.startsWith("{")) {
        if (segment.isEmpty()) return null;
        labels.put(t.substring(1, t.length() - 1), segment);
      } else if (!t.equals(segment)) {
        return null;
      }
    }
    return template.size() == path.size() ? labels : null;
  }

  private static List<String> segments(String path) {
    String p = path.replaceAll("/+$", "");
    if (p.startsWith("/")) p = p.substring(1);
    return p.isEmpty() ? List.of() : Arrays.asList(p.split("/", -1));
  }
}
