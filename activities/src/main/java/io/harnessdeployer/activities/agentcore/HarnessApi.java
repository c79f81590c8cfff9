package io.harnessdeployer.activities.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The Harness operations of {@code bedrock-agentcore-control}, which no SDK we can use offers
 * (restJson1, SigV4 name {@code bedrock-agentcore}). Bodies are the wire JSON of the API reference.
 * Service errors are thrown as {@code AwsServiceException} with the error code and HTTP status, so
 * {@code AwsFailures} classifies them like any SDK error; "not found" is an empty result instead.
 * The signed {@code HarnessHttpClient} implements it.
 */
public interface HarnessApi {
  /** CreateHarness ({@code POST /harnesses}); returns the {@code harness} object. */
  JsonNode createHarness(String region, ObjectNode request);

  /** GetHarness; empty on ResourceNotFoundException. */
  Optional<JsonNode> getHarness(String region, String harnessId);

  /** UpdateHarness ({@code PATCH /harnesses/{id}}); returns the {@code harness} object. */
  JsonNode updateHarness(String region, String harnessId, ObjectNode request);

  /** DeleteHarness; empty on ResourceNotFoundException, else the {@code harness} object. */
  Optional<JsonNode> deleteHarness(String region, String harnessId);

  /** ListHarnesses, all pages: the {@code HarnessSummary} objects. */
  List<JsonNode> listHarnesses(String region);
}
