package io.harnessdeployer.workflows.steps;

import io.harnessdeployer.workflows.graph.Observed;
import io.temporal.activity.ActivityInterface;

/**
 * Cognito for the gateway topology (spec §3 step 6, §7.3 step 9). The pool carries {@link
 * Scope#gatewayTags()} (UserPoolTags); its resource server, app client and domain cannot be
 * tagged, so the pool's tags judge them ({@link ResourceKind}). Every ensure is idempotent and
 * reports CREATED for what carries (or lives in a pool that carries) this run's tag.
 */
@ActivityInterface
public interface CognitoActivities {
  /**
   * ListUserPools (60 a page) by name: missing → CreateUserPool (admin-create-only, tags) →
   * CREATED; ours → ADOPTED (nothing of a pool is updated); another's or untagged → {@code
   * Conflict}. Compensation: {@link #deleteUserPool} (THIS_RUN).
   */
  UserPoolRef ensureUserPool(UserPoolSpec spec);

  /**
   * DescribeResourceServer; missing → CreateResourceServer with one scope → CREATED; present →
   * ADOPTED as it is (spec §3 step 6.2; drift shows another name or scope).
   */
  CognitoRef ensureResourceServer(ResourceServerSpec spec);

  /**
   * ListUserPoolClients by name: missing → CreateUserPoolClient (client_credentials only, with a
   * secret, the scopes) → CREATED; present → DescribeUserPoolClient for its secret (none: {@code
   * Validation}, "delete it and rerun") → ADOPTED as it is (drift shows other flows or scopes).
   * The secret is sealed here and travels only so.
   */
  AppClientRef ensureAppClient(AppClientSpec spec);

  /**
   * DescribeUserPoolDomain: this pool's (any status) → ADOPTED; another pool's → {@code Conflict};
   * none → CreateUserPoolDomain → CREATED. Taken in another account ("already" in the error) →
   * {@code Conflict} naming {@code --cognito-domain-prefix}.
   */
  CognitoRef ensureDomain(DomainSpec spec);

  /** The pool by name ({@code input.id()}), if it carries the tag the mode requires; missing → ALREADY_GONE. */
  DeleteResult deleteUserPool(ResourceDelete input);

  /** DeleteResourceServer {@code input.id()} in pool {@code input.within()} (by name). */
  DeleteResult deleteResourceServer(NestedDelete input);

  /** DeleteUserPoolClient named {@code input.id()} in pool {@code input.within()} (by name). */
  DeleteResult deleteAppClient(NestedDelete input);

  /**
   * DeleteUserPoolDomain {@code input.id()} (the whole domain), judged by the tags of the pool it
   * belongs to; missing → ALREADY_GONE. The domain goes before its pool: {@link #awaitDomainGone}.
   */
  DeleteResult deleteDomain(ResourceDelete input);

  /** Polls DescribeUserPoolDomain ({@code wait.id()} = domain) until it is empty (status GONE). */
  AgentCoreStatus awaitDomainGone(WaitSpec wait);

  /** Read-only: pool {@code input.id()} (by name): {@code arn}, {@code id}, {@code adminCreateUserOnly}; tags. */
  Observed describeUserPool(Lookup input);

  /** Read-only: resource server {@code input.id()} in pool {@code input.within()}: {@code name}, {@code scopes}. */
  Observed describeResourceServer(Lookup input);

  /**
   * Read-only: app client {@code input.id()} in pool {@code input.within()}: {@code clientId},
   * {@code oauthFlows}, {@code scopes}, {@code explicitAuthFlows}, {@code generateSecret}; never the
   * secret; no tags (the parts of a pool have none: {@code GatewayShapes} compares none).
   */
  Observed describeAppClient(Lookup input);

  /** Read-only: domain {@code input.id()}: {@code domain}, {@code userPool} (name), {@code userPoolId}; status; no tags. */
  Observed describeDomain(Lookup input);
}
