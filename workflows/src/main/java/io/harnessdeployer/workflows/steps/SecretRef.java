package io.harnessdeployer.workflows.steps;

import java.util.List;

/**
 * @param arn the full ARN with Secrets Manager's random suffix (IAM matches it exactly)
 * @param keys the credential keys present in the secret (a subset of {@code Names.CREDENTIAL_KEYS});
 *     names only, never values
 * @param managedExternally true for bring-your-own: never written, never deleted
 */
public record SecretRef(
    String name, String arn, List<String> keys, Outcome outcome, boolean managedExternally) {}
