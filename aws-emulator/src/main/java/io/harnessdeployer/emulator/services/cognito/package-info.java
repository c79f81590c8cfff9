/**
 * Amazon Cognito user pools ({@code cognito-idp}) as the gateway topology uses them, and the OAuth2
 * endpoints a pool's domain and issuer serve.
 *
 * <p>Behaviour the model does not say, and where it comes from:
 *
 * <ul>
 *   <li>DescribeUserPoolDomain of an unknown prefix answers an empty {@code DomainDescription}, not an
 *       error (moto agrees; spec §3 step 6.4 relies on it). A prefix is unique in its region across
 *       accounts: a taken one is InvalidParameterException "Domain already associated with another user
 *       pool." (moto lets it be taken twice). DeleteUserPoolDomain of a missing domain is
 *       ResourceNotFoundException, as moto answers.
 *   <li>DeleteUserPool while the pool has a domain is InvalidParameterException: Cognito wants the
 *       domain deleted first, which is why destroy (§7.3 step 9) deletes it first.
 *   <li>CreateUserPoolClient: {@code GenerateSecret} makes a 51-character secret; client_credentials
 *       needs a secret and custom scopes only (InvalidOAuthFlowException); every scope must exist
 *       (ScopeDoesNotExistException). Only Create/DescribeUserPoolClient return the secret.
 *   <li>Access tokens are RS256 JWTs signed with a per-pool key generated on first use; they verify
 *       only against that pool, as AgentCore's JWT authorizers check them through
 *       {@link io.harnessdeployer.emulator.runtime.CloudLookup#verifiedClaims}.
 * </ul>
 */
package io.harnessdeployer.emulator.services.cognito;
