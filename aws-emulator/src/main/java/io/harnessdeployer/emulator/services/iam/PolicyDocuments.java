package io.harnessdeployer.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.services.common.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The structural checks IAM applies to policy documents before storing them, with IAM's wording, and
 * the RFC 3986 encoding IAM applies when it returns them.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  /** Identity policies attach to a role; trust policies say who may assume it. */
  enum Kind {
    IDENTITY,
    TRUST
  }

  private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
  private static final Set<String> EFFECTS = Set.of("Allow", "Deny");
  private static final String STS_PREFIX = "sts:";

  static final String INVALID_JSON = "This policy contains invalid Json";
  static final String SYNTAX_ERRORS = "Syntax errors in policy.";
  static final String BAD_VERSION = "Policy document must be version 2012-10-17 or greater.";
  static final String NEEDS_ACTIONS = "Policy statement must contain actions.";
  static final String NEEDS_RESOURCES = "Policy statement must contain resources.";
  static final String NO_PRINCIPAL_ALLOWED = "Policy document should not specify a principal.";
  static final String NEEDS_PRINCIPAL = "Missing required field Principal";
  static final String NO_RESOURCE_ALLOWED = "Has prohibited field Resource.";
  static final String TRUST_ACTIONS =
      "Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and"
          + " sts:AssumeRoleWithWebIdentity";

  /** Raises MalformedPolicyDocumentException if the document is not a usable policy of this kind. */
  static void validate(String document, Kind kind) {
    JsonNode root = Json.parse(document).orElseThrow(() -> malformed(INVALID_JSON));
    if (!root.isObject()) throw malformed(SYNTAX_ERRORS);
    JsonNode version = root.get("Version");
    if (version != null && !(version.isTextual() && VERSIONS.contains(version.asText()))) {
      throw malformed(BAD_VERSION);
    }
    for (JsonNode statement : statements(root)) {
      validateStatement(statement, kind);
    }
  }

  /** IAM returns documents percent-encoded per RFC 3986 (space as %20, unreserved kept). */
  static String urlEncode(String document) {
    return URLEncoder.encode(document, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static List<JsonNode> statements(JsonNode root) {
    JsonNode s = root.get("Statement");
    List<JsonNode> out = new ArrayList<>();
    if (s == null) throw malformed(SYNTAX_ERRORS);
    if (s.isObject()) {
      out.add(s);
    } else if (s.isArray() && !s.isEmpty()) {
      s.forEach(out::add);
    } else {
      throw malformed(SYNTAX_ERRORS);
    }
    for (JsonNode n : out) if (!n.isObject()) throw malformed(SYNTAX_ERRORS);
    return out;
  }

  private static void validateStatement(JsonNode st, Kind kind) {
    JsonNode effect = st.get("Effect");
    if (effect == null || !EFFECTS.contains(effect.asText())) throw malformed(SYNTAX_ERRORS);
    if (!st.has("Action") && !st.has("NotAction")) throw malformed(NEEDS_ACTIONS);
    boolean hasPrincipal = st.has("Principal") || st.has("NotPrincipal");
    boolean hasResource = st.has("Resource") || st.has("NotResource");
    if (kind == Kind.IDENTITY) {
      if (hasPrincipal) throw malformed(NO_PRINCIPAL_ALLOWED);
      if (!hasResource) throw malformed(NEEDS_RESOURCES);
    } else {
      if (!hasPrincipal) throw malformed(NEEDS_PRINCIPAL);
      if (st.has("Resource")) throw malformed(NO_RESOURCE_ALLOWED);
      for (String action : texts(st.has("Action") ? st.get("Action") : st.get("NotAction"))) {
        if (!action.toLowerCase(Locale.ROOT).startsWith(STS_PREFIX)) throw malformed(TRUST_ACTIONS);
      }
    }
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) node.forEach(n -> out.add(n.asText()));
    else out.add(node.asText());
    return out;
  }

  private static AwsServiceError malformed(String message) {
    return AwsServiceError.of(IamConstants.MALFORMED_POLICY, message);
  }
}
