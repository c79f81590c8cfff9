package io.harnessdeployer.activities.adoption;

import io.harnessdeployer.activities.aws.AwsFailures;
import io.harnessdeployer.workflows.adopt.AdoptTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM roles: GetRole (ListRoleTags where it carries no tags), TagRole. */
final class RoleAdoption implements Adoptable {
  private final IamClient iam;

  RoleAdoption(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public Optional<Found> find(String region, AdoptTarget target) {
    Role role;
    try {
      role = iam.getRole(r -> r.roleName(target.name())).role();
    } catch (SdkException e) {
      if (AwsFailures.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
    List<Tag> tags = role.hasTags() ? role.tags()
        : iam.listRoleTagsPaginator(r -> r.roleName(role.roleName())).tags().stream().toList();
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return Optional.of(new Found(role.arn(), out));
  }

  @Override
  public void tag(String region, Found found, Map<String, String> tags) {
    String name = found.arn().substring(found.arn().lastIndexOf('/') + 1);
    iam.tagRole(r -> r.roleName(name).tags(tags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
  }
}
