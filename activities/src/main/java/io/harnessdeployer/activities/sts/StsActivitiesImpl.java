package io.harnessdeployer.activities.sts;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.activities.aws.Regional;
import io.harnessdeployer.workflows.steps.CallerIdentity;
import io.harnessdeployer.workflows.steps.Scope;
import io.harnessdeployer.workflows.steps.StsActivities;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

public final class StsActivitiesImpl implements StsActivities {
  private final Regional<StsClient> sts;

  public StsActivitiesImpl(Regional<StsClient> sts) {
    this.sts = sts;
  }

  @Override
  public CallerIdentity callerIdentity(Scope scope) {
    try {
      GetCallerIdentityResponse me = sts.in(scope.region()).getCallerIdentity();
      return new CallerIdentity(me.account(), me.arn());
    } catch (SdkException e) {
      throw AwsFailures.classify("STS GetCallerIdentity in " + scope.region(), e);
    }
  }
}
