package io.harnessdeployer.emulator.services.sts;

import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ResourceView;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** STS: who the caller is. Every caller is the IAM user {@code emulator} of the configured account. */
public final class StsHandler implements ServiceHandler {
  public static final String USER_NAME = "emulator";
  /** A fixed IAM user id, shaped like AWS's (AIDA + 17 characters). */
  public static final String USER_ID = "AIDAEMULATOR0000USER";

  private final Map<String, Operation> operations = Map.of("GetCallerIdentity", this::getCallerIdentity);

  public StsHandler(EmulatorSettings settings) {}

  @Override
  public String service() {
    return "sts";
  }

  @Override
  public Map<String, Operation> operations() {
    return operations;
  }

  private Map<String, Object> getCallerIdentity(RequestContext ctx, Map<String, Object> input) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UserId", USER_ID);
    out.put("Account", ctx.accountId());
    out.put("Arn", ctx.globalArn("iam", "user/" + USER_NAME));
    return out;
  }

  @Override
  public List<ResourceView> resources() {
    return List.of();
  }

  @Override
  public void reset() {}
}
