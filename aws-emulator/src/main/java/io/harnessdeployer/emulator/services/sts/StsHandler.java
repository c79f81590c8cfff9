package io.harnessdeployer.emulator.services.sts;

import io.harnessdeployer.emulator.auth.Session;
import io.harnessdeployer.emulator.auth.SessionIssuer;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.Caller;
import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.services.common.Params;
import io.harnessdeployer.emulator.services.common.RandomIds;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS: who the caller is, and AssumeRole. A long-term key is the IAM user {@code emulator} of the
 * configured account; AssumeRole issues temporary credentials ({@code ASIA…} key, secret, session
 * token) for a role of any account's IAM whose trust policy lets the caller in ({@link
 * TrustPolicy}). Requests signed with them act in the role's account as the assumed-role session.
 * Their expiry is on the wall clock, as SDKs check it; sessions outlive a control-API reset.
 */
public final class StsHandler implements ServiceHandler, SessionIssuer {
  public static final String USER_NAME = Caller.USER_NAME;
  public static final String USER_ID = Caller.USER_ID;
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");
  private static final int DEFAULT_DURATION = 3600;

  private final CloudLookup cloud;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Operation> operations =
      Map.of("GetCallerIdentity", this::getCallerIdentity, "AssumeRole", this::assumeRole);

  public StsHandler(EmulatorSettings settings) {
    this(settings, null);
  }

  /** @param cloud where AssumeRole finds roles; null: every AssumeRole is denied */
  public StsHandler(EmulatorSettings settings, CloudLookup cloud) {
    this.cloud = cloud;
  }

  @Override
  public String service() {
    return "sts";
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  @Override
  public Optional<Session> session(String accessKeyId) {
    return Optional.ofNullable(sessions.get(accessKeyId));
  }

  private Map<String, Object> getCallerIdentity(RequestContext ctx, Map<String, Object> input) {
    Caller caller = caller(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UserId", caller.userId());
    out.put("Account", caller.accountId());
    out.put("Arn", caller.arn());
    return out;
  }

  private Map<String, Object> assumeRole(RequestContext ctx, Map<String, Object> input) {
    Caller caller = caller(ctx);
    String roleArn = Params.string(input, "RoleArn");
    String sessionName = Params.string(input, "RoleSessionName");
    String externalId = Params.string(input, "ExternalId");
    Integer requested = Params.integer(input, "DurationSeconds");
    Matcher arn = ROLE_ARN.matcher(roleArn);
    if (!arn.matches()) {
      throw AwsServiceError.common("ValidationError", 400, roleArn + " is invalid");
    }
    String account = arn.group(1);
    AwsServiceError denied = AwsServiceError.common("AccessDenied", 403, "User: " + caller.arn()
        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    CloudLookup.RoleTrust role = (cloud == null ? Optional.<CloudLookup.RoleTrust>empty() : cloud.roleTrust(account, roleArn))
        .orElseThrow(() -> denied);
    if (!TrustPolicy.allows(role.trustPolicy(), caller, externalId)) {
      throw denied;
    }
    int duration = requested == null ? DEFAULT_DURATION : requested;
    if (duration > role.maxSessionDuration()) {
      throw AwsServiceError.common("ValidationError", 400,
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    String assumedRoleId = role.roleId() + ":" + sessionName;
    String assumedArn = "arn:aws:sts::" + account + ":assumed-role/" + role.roleName() + "/" + sessionName;
    Instant expiration = Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
    Session session = new Session("ASIA" + RandomIds.of(RandomIds.UPPER_ALNUM, 16), RandomIds.of(RandomIds.ALNUM, 40),
        "IQoJb3JpZ2luX2VjE" + RandomIds.of(RandomIds.ALNUM, 300), expiration,
        new Caller(account, assumedArn, assumedRoleId));
    sessions.put(session.accessKeyId(), session);

    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("AccessKeyId", session.accessKeyId());
    credentials.put("SecretAccessKey", session.secretAccessKey());
    credentials.put("SessionToken", session.sessionToken());
    credentials.put("Expiration", expiration);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("AssumedRoleId", assumedRoleId);
    user.put("Arn", assumedArn);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Credentials", credentials);
    out.put("AssumedRoleUser", user);
    out.put("PackedPolicySize", 0);
    return out;
  }

  private static Caller caller(RequestContext ctx) {
    return ctx.caller() != null ? ctx.caller() : Caller.user(ctx.accountId());
  }

  @Override
  public List<ResourceView> resources() {
    return List.of();
  }

  @Override
  public void reset() {}
}
