package io.harnessdeployer.activities.agentcore;

import java.util.List;

/** A page of ListHarnesses; {@code nextToken} null on the last page. */
public record HarnessPage(List<HarnessSummary> harnesses, String nextToken) {}
