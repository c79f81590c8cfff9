package io.harnessdeployer.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.workflows.common.SearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchAttributeCheckTest {
  private final List<ListSearchAttributesRequest> asked = new ArrayList<>();

  private SearchAttributeCheck.Result check(Map<String, IndexedValueType> existing) {
    return SearchAttributeCheck.run("prod", r -> {
      asked.add(r);
      return ListSearchAttributesResponse.newBuilder().putAllCustomAttributes(existing).build();
    });
  }

  private static Map<String, IndexedValueType> allKeyword() {
    Map<String, IndexedValueType> m = new LinkedHashMap<>();
    SearchAttributes.ALL.forEach(k -> m.put(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return m;
  }

  @Test
  void allPresent_isOk_andAsksTheWorkersNamespace() {
    Map<String, IndexedValueType> m = allKeyword();
    m.put("SomethingElse", IndexedValueType.INDEXED_VALUE_TYPE_INT);
    SearchAttributeCheck.Result r = check(m);
    assertTrue(r.checked() && r.ok(), r.toString());
    assertEquals(List.of(ListSearchAttributesRequest.newBuilder().setNamespace("prod").build()), asked);
  }

  @Test
  void aMissingOrMistypedAttribute_isNamed_withTheCommandsThatFixIt() {
    Map<String, IndexedValueType> m = allKeyword();
    m.remove("HarnessDrift");
    m.put("HarnessStep", IndexedValueType.INDEXED_VALUE_TYPE_TEXT);
    SearchAttributeCheck.Result r = check(m);
    assertEquals(List.of("HarnessStep is Text, not Keyword", "HarnessDrift is missing"), r.problems());
    String line = SearchAttributeCheck.describe("prod", r);
    assertTrue(line.startsWith("namespace prod lacks search attributes the workflows set: HarnessStep is Text, "
        + "not Keyword, HarnessDrift is missing. Create them (the compose stack's job does: docker compose run --rm "
        + "temporal-init), or with the Temporal CLI:\n"), line);
    assertTrue(line.endsWith("""
          temporal operator search-attribute remove --namespace prod --name HarnessStep
          temporal operator search-attribute create --namespace prod --name HarnessStep --type Keyword
          temporal operator search-attribute create --namespace prod --name HarnessDrift --type Keyword
        """), line);
  }

  @Test
  void onTemporalsTestServer_listingIsUnimplemented_soTheCheckSaysItDidNotCheck() {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      SearchAttributeCheck.Result r = SearchAttributeCheck.run("default",
          env.getOperatorServiceStubs().blockingStub()::listSearchAttributes);
      assertFalse(r.checked());
      assertTrue(SearchAttributeCheck.describe("default", r).contains("not checked"));
      // the worker starts all the same, required or not: there is nothing to check against
      WorkerMain.checkSearchAttributes(env.getWorkflowServiceStubs(), "default", true);
    }
  }

  /** A server whose operator service lists only HarnessDeployment. */
  @Test
  void workerMainRefusesToStartWhenRequired_andOnlyWarnsOtherwise() throws Exception {
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new OperatorServiceGrpc.OperatorServiceImplBase() {
          @Override
          public void listSearchAttributes(ListSearchAttributesRequest request,
              StreamObserver<ListSearchAttributesResponse> out) {
            out.onNext(ListSearchAttributesResponse.newBuilder()
                .putCustomAttributes("HarnessDeployment", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD).build());
            out.onCompleted();
          }
        }).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> WorkerMain.checkSearchAttributes(service, "prod", true));
      assertTrue(e.getMessage().contains("HarnessRegion is missing"), e.getMessage());
      assertFalse(e.getMessage().contains("--name HarnessDeployment"), e.getMessage());
      WorkerMain.checkSearchAttributes(service, "prod", false);
    } finally {
      service.shutdownNow();
      channel.shutdownNow();
      server.shutdownNow();
    }
  }
}
