package io.harnessdeployer.workflows.adopt;

/**
 * What adopt found of one resource.
 *
 * @param arn the resource's ARN (its name where it has none); null when missing
 * @param owner the deployment its tag names, when that is another one ({@link AdoptVerdict#REFUSED})
 * @param detail one line for the person: why this verdict
 */
public record AdoptFinding(AdoptTarget target, AdoptVerdict verdict, String arn, String owner, String detail) {
  public AdoptFinding with(AdoptVerdict v, String newDetail) {
    return new AdoptFinding(target, v, arn, owner, newDetail);
  }
}
