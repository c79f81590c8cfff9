package io.harnessdeployer.client.drift;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.harnessdeployer.client.temporal.TemporalConnection;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.schedule.v1.ScheduleInfo;
import io.temporal.api.schedule.v1.ScheduleListEntry;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.CreateScheduleResponse;
import io.temporal.api.workflowservice.v1.DeleteScheduleRequest;
import io.temporal.api.workflowservice.v1.DeleteScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListSchedulesRequest;
import io.temporal.api.workflowservice.v1.ListSchedulesResponse;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Temporal frontend with Schedules, in process: it keeps the schedules it is sent and records every
 * request, so a test sees exactly what the client sent on the wire. It runs no workflow: no open
 * workflow exists here.
 */
final class SchedulesServer extends WorkflowServiceGrpc.WorkflowServiceImplBase implements AutoCloseable {
  final Map<String, io.temporal.api.schedule.v1.Schedule> schedules = new LinkedHashMap<>();
  final List<Object> requests = new ArrayList<>();
  /** Checks a schedule has running, as its describe reports them. */
  final Map<String, List<WorkflowExecution>> running = new LinkedHashMap<>();
  private final Server server;
  private final ManagedChannel channel;
  private final WorkflowServiceStubs stubs;

  SchedulesServer() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(this).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build());
  }

  TemporalConnection connection() {
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("ns1").build());
    return new TemporalConnection(client, "in-process", "ns1", () -> {});
  }

  @SuppressWarnings("unchecked")
  <T> List<T> sent(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(r -> (T) r).toList();
  }

  @Override
  public void getSystemInfo(GetSystemInfoRequest r, StreamObserver<GetSystemInfoResponse> out) {
    out.onNext(GetSystemInfoResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public synchronized void createSchedule(CreateScheduleRequest r, StreamObserver<CreateScheduleResponse> out) {
    requests.add(r);
    if (schedules.containsKey(r.getScheduleId())) {
      out.onError(Status.ALREADY_EXISTS.withDescription("schedule exists").asRuntimeException());
      return;
    }
    schedules.put(r.getScheduleId(), r.getSchedule());
    out.onNext(CreateScheduleResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public synchronized void describeSchedule(DescribeScheduleRequest r, StreamObserver<DescribeScheduleResponse> out) {
    requests.add(r);
    var s = schedules.get(r.getScheduleId());
    if (s == null) {
      out.onError(Status.NOT_FOUND.withDescription("schedule not found").asRuntimeException());
      return;
    }
    out.onNext(DescribeScheduleResponse.newBuilder().setSchedule(s).setInfo(ScheduleInfo.newBuilder()
        .addAllRunningWorkflows(running.getOrDefault(r.getScheduleId(), List.of()))
        .addFutureActionTimes(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_800_000_000L))).build());
    out.onCompleted();
  }

  @Override
  public synchronized void updateSchedule(UpdateScheduleRequest r, StreamObserver<UpdateScheduleResponse> out) {
    requests.add(r);
    schedules.put(r.getScheduleId(), r.getSchedule());
    out.onNext(UpdateScheduleResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public synchronized void deleteSchedule(DeleteScheduleRequest r, StreamObserver<DeleteScheduleResponse> out) {
    requests.add(r);
    if (schedules.remove(r.getScheduleId()) == null) {
      out.onError(Status.NOT_FOUND.withDescription("schedule not found").asRuntimeException());
      return;
    }
    out.onNext(DeleteScheduleResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public synchronized void listSchedules(ListSchedulesRequest r, StreamObserver<ListSchedulesResponse> out) {
    requests.add(r);
    ListSchedulesResponse.Builder b = ListSchedulesResponse.newBuilder();
    schedules.keySet().forEach(id -> b.addSchedules(ScheduleListEntry.newBuilder().setScheduleId(id)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public synchronized void terminateWorkflowExecution(TerminateWorkflowExecutionRequest r,
      StreamObserver<TerminateWorkflowExecutionResponse> out) {
    requests.add(r);
    out.onNext(TerminateWorkflowExecutionResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void describeWorkflowExecution(DescribeWorkflowExecutionRequest r,
      StreamObserver<DescribeWorkflowExecutionResponse> out) {
    out.onError(Status.NOT_FOUND.withDescription("workflow not found").asRuntimeException());
  }

  @Override
  public void listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest r,
      StreamObserver<ListOpenWorkflowExecutionsResponse> out) {
    out.onNext(ListOpenWorkflowExecutionsResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    channel.shutdownNow();
    server.shutdownNow();
  }
}
