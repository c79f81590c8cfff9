package io.harnessdeployer.activities.iam;

import java.util.List;
import java.util.Map;

/**
 * What a role must look like.
 *
 * @param inline policy name to document; a null document means "must not exist"
 */
record RoleDesign(
    String principal, String description, List<String> managedPolicies, Map<String, String> inline) {}
