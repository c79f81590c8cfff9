package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.secrets.Sealed;
import java.util.Map;

/**
 * The AgentCore Runtime (spec §3 step 8): container, role, PUBLIC network, MCP protocol, the
 * {@code Authorization} header forwarded, the JWT authorizer.
 *
 * @param environment the non-secret env: pass-through of the .env WITHOUT any credential key, the
 *     defaults, and in Secrets Manager modes {@code ZSCALER_SECRET_NAME} (see {@code
 *     ContainerEnv#forRuntime}); the activity refuses a credential key here
 * @param plaintextCredentials PLAINTEXT mode only: unsealed in the activity, their keys added to the
 *     env; null in Secrets Manager modes
 */
public record RuntimeSpec(
    Scope scope,
    String runtimeName,
    String roleArn,
    String image,
    Map<String, String> environment,
    Sealed plaintextCredentials,
    JwtAuthorizer authorizer) {}
