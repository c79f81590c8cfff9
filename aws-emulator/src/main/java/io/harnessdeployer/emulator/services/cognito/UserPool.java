package io.harnessdeployer.emulator.services.cognito;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One user pool with what hangs off it: resource servers, app clients, its domain and its signing key. */
final class UserPool {
  final String id;
  final String name;
  final String arn;
  final String region;
  final Instant created;
  Instant lastModified;
  final Map<String, Object> adminCreateUserConfig;
  final Map<String, String> tags = new LinkedHashMap<>();
  /** By identifier, in creation order. */
  final Map<String, ResourceServer> resourceServers = new LinkedHashMap<>();
  /** By client id, in creation order. */
  final Map<String, AppClient> clients = new LinkedHashMap<>();
  String domain;
  private SigningKey key;

  UserPool(String id, String name, String arn, String region, Instant created, Map<String, Object> adminCreateUserConfig) {
    this.id = id;
    this.name = name;
    this.arn = arn;
    this.region = region;
    this.created = created;
    this.lastModified = created;
    this.adminCreateUserConfig = adminCreateUserConfig;
  }

  /** Created on first use: an RSA key pair costs tens of milliseconds. */
  synchronized SigningKey key() {
    if (key == null) key = SigningKey.generate();
    return key;
  }

  String issuer() {
    return issuer(region, id);
  }

  static String issuer(String region, String poolId) {
    return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
  }

  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Id", id);
    out.put("Name", name);
    out.put("Arn", arn);
    out.put("Status", "Enabled");
    out.put("CreationDate", created);
    out.put("LastModifiedDate", lastModified);
    out.put("AdminCreateUserConfig", adminCreateUserConfig);
    out.put("EstimatedNumberOfUsers", 0);
    out.put("MfaConfiguration", "OFF");
    out.put("DeletionProtection", "INACTIVE");
    out.put("UserPoolTier", "ESSENTIALS");
    if (domain != null) out.put("Domain", domain);
    out.put("UserPoolTags", new LinkedHashMap<>(tags));
    return out;
  }

  Map<String, Object> description() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Id", id);
    out.put("Name", name);
    out.put("Status", "Enabled");
    out.put("CreationDate", created);
    out.put("LastModifiedDate", lastModified);
    return out;
  }

  record ResourceServer(String identifier, String name, List<Map<String, Object>> scopes) {
    Map<String, Object> toMap(String poolId) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("UserPoolId", poolId);
      out.put("Identifier", identifier);
      out.put("Name", name);
      out.put("Scopes", scopes);
      return out;
    }

    boolean hasScope(String scopeName) {
      return scopes.stream().anyMatch(s -> scopeName.equals(s.get("ScopeName")));
    }
  }
}
