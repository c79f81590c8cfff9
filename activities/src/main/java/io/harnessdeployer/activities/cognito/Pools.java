package io.harnessdeployer.activities.cognito;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.steps.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Lookups the Cognito ensures, deletes and describes share. Pool names are not unique in Cognito:
 * of several pools with one name, this deployment's is the one meant (spec: "first pool whose Name
 * equals").
 */
public final class Pools {
  private Pools() {}

  /** The pool of that name, preferring one tagged for this deployment; empty when there is none. */
  public static Optional<UserPoolType> byName(CognitoIdentityProviderClient cognito, Scope scope, String name) {
    List<UserPoolType> matches = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = cognito.listUserPools(r -> r.maxResults(Names.COGNITO_LIST_PAGE).nextToken(next));
      for (var pool : page.userPools()) {
        if (name.equals(pool.name())) {
          byId(cognito, pool.id()).ifPresent(matches::add);
        }
      }
      token = page.nextToken();
    } while (token != null);
    return matches.stream().min(Comparator.comparing(p -> !scope.ownsDeployment(tags(p))));
  }

  /** DescribeUserPool; empty when it is gone. */
  static Optional<UserPoolType> byId(CognitoIdentityProviderClient cognito, String id) {
    return AwsFailures.unlessNotFound(() -> cognito.describeUserPool(r -> r.userPoolId(id)).userPool());
  }

  /** The pool's or, where a pool is required, a {@code NotFound} failure naming it. */
  static UserPoolType require(CognitoIdentityProviderClient cognito, String id, String what) {
    return byId(cognito, id).orElseThrow(() -> AwsFailures.failure(
        io.harnessdeployer.workflows.common.FailureTypes.NOT_FOUND, what + ": user pool " + id + " does not exist"));
  }

  static Map<String, String> tags(UserPoolType pool) {
    return pool.hasUserPoolTags() ? pool.userPoolTags() : Map.of();
  }

  static Optional<UserPoolClientDescription> client(CognitoIdentityProviderClient cognito, String poolId, String name) {
    String token = null;
    do {
      String next = token;
      var page = cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(Names.COGNITO_LIST_PAGE)
          .nextToken(next));
      Optional<UserPoolClientDescription> found =
          page.userPoolClients().stream().filter(c -> name.equals(c.clientName())).findFirst();
      if (found.isPresent()) {
        return found;
      }
      token = page.nextToken();
    } while (token != null);
    return Optional.empty();
  }
}
