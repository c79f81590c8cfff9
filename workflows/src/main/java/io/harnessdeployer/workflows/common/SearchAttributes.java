package io.harnessdeployer.workflows.common;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Typed search attributes of our workflows, all Keyword. They must exist on the server before a
 * workflow upserts them: {@code client dev} and the compose stack register {@link #ALL}. Values
 * are stored unencrypted, so nothing secret goes here.
 */
public final class SearchAttributes {
  private SearchAttributes() {}

  public static final SearchAttributeKey<String> DEPLOYMENT =
      SearchAttributeKey.forKeyword("HarnessDeployment");
  public static final SearchAttributeKey<String> REGION = SearchAttributeKey.forKeyword("HarnessRegion");
  public static final SearchAttributeKey<String> TOPOLOGY =
      SearchAttributeKey.forKeyword("HarnessTopology");
  public static final SearchAttributeKey<String> STEP = SearchAttributeKey.forKeyword("HarnessStep");
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("HarnessStatus");

  /** A drift check's verdict: IN_SYNC, DRIFTED, HEALED or HEAL_FAILED ({@code DriftReport#verdict}). */
  public static final SearchAttributeKey<String> DRIFT = SearchAttributeKey.forKeyword("HarnessDrift");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(DEPLOYMENT, REGION, TOPOLOGY, STEP, STATUS, DRIFT);
}
