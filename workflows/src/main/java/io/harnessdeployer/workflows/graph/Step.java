package io.harnessdeployer.workflows.graph;

import io.harnessdeployer.workflows.common.StepOptions;
import io.harnessdeployer.workflows.steps.DeleteMode;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What one node sees while it runs: the outputs of the nodes it declared, and activity stubs whose
 * summaries name the step. Every call is reported to the {@link Watch}, so the board can say which
 * activity a step waits on. Workflow code: deterministic.
 */
public final class Step {
  /** Told when a step starts and ends waiting on an activity (type name, or null). */
  @FunctionalInterface
  public interface Watch {
    void awaiting(String stepId, String activityType);
  }

  private final String id;
  private final Map<String, Object> outputs;
  private final Set<String> readable;
  private final Map<String, Observed> observed;
  private final Set<String> observable;
  private final DeleteMode mode;
  private final Map<String, Done> dependents;
  private final Watch watch;
  private boolean polling;
  private java.util.function.BooleanSupplier stopped = () -> false;

  private Step(String id, Map<String, Object> outputs, Set<String> readable, DeleteMode mode,
      Map<String, Done> dependents, Watch watch) {
    this(id, outputs, readable, Map.of(), Set.of(), mode, dependents, watch);
  }

  private Step(String id, Map<String, Object> outputs, Set<String> readable, Map<String, Observed> observed,
      Set<String> observable, DeleteMode mode, Map<String, Done> dependents, Watch watch) {
    this.id = id;
    this.outputs = outputs;
    this.readable = readable;
    this.observed = observed;
    this.observable = observable;
    this.mode = mode;
    this.dependents = dependents;
    this.watch = watch;
  }

  /** For an ensure: reads only the outputs of {@code node.needs()}. */
  public static Step ensuring(Node node, Map<String, Object> outputs, Watch watch) {
    return new Step(node.id(), outputs, Set.copyOf(node.needs()), null, Map.of(), watch);
  }

  /** For a delete: {@code dependents} holds the deletes that ended before it (by node id). */
  public static Step deleting(Node node, DeleteMode mode, Map<String, Done> dependents, Watch watch) {
    return new Step(node.id(), Map.of(), Set.of(), mode, dependents, watch);
  }

  /**
   * For a recall (drift, plan): the outputs of {@code node.needs()}, and what the describes saw of
   * the node itself and of its needs.
   */
  public static Step recalling(Node node, Map<String, Object> outputs, Map<String, Observed> observed) {
    Set<String> observable = new java.util.HashSet<>(node.needs());
    observable.add(node.id());
    return new Step(node.id(), outputs, Set.copyOf(node.needs()), observed, Set.copyOf(observable), null,
        Map.of(), null);
  }

  public String id() {
    return id;
  }

  /** The output of a declared input; asking for any other node's is a bug in the graph. */
  public <T> T input(String node, Class<T> type) {
    if (!readable.contains(node)) {
      throw new IllegalStateException(id + " reads " + node + ", which it does not declare in needs");
    }
    return type.cast(outputs.get(node));
  }

  /** What the describe of this node or of a declared input saw; null if it was not described. */
  public Observed observed(String node) {
    if (!observable.contains(node)) {
      throw new IllegalStateException(id + " recalls from " + node + ", which it does not declare in needs");
    }
    return observed.get(node);
  }

  /** THIS_RUN for a rollback's undo, DEPLOYMENT for destroy; null while ensuring. */
  public DeleteMode mode() {
    return mode;
  }

  /** How the delete of a resource that uses this one ended; null if it did not run. */
  public Done dependent(String node) {
    return dependents.get(node);
  }

  public <T> T aws(Class<T> type, String what) {
    return stub(type, StepOptions.awsCall(id + ": " + what), false);
  }

  /** A heartbeating wait: the one kind of call a cancel interrupts (see {@link Branches}). */
  public <T> T poll(Class<T> type, String what, Duration timeout) {
    return stub(type, StepOptions.poll(id + ": " + what, timeout), true);
  }

  /** Whether the step is inside a poll right now. */
  boolean polling() {
    return polling;
  }

  /** Once {@code stop} says so, a poll is not started at all. */
  void stopPollsWhen(java.util.function.BooleanSupplier stop) {
    stopped = stop;
  }

  public <T> T delete(Class<T> type, String what) {
    String prefix = mode == DeleteMode.THIS_RUN ? "undo " + id : id;
    return stub(type, StepOptions.compensation(prefix + ": " + what), false);
  }

  public <T> T untilNotBusy(Class<T> type, String what, Duration interval, Duration deadline) {
    String prefix = mode == DeleteMode.THIS_RUN ? "undo " + id : id;
    return stub(type, StepOptions.untilNotBusy(prefix + ": " + what, interval, deadline), false);
  }

  private <T> T stub(Class<T> type, ActivityOptions options, boolean poll) {
    T stub = Workflow.newActivityStub(type, options);
    Object watched = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(stub, args);
          }
          // the SDK's default activity type name: the method's, capitalised
          String name = method.getName();
          if (poll && stopped.getAsBoolean()) {
            throw new CanceledFailure(id + ": canceled before " + name);
          }
          polling = poll;
          if (watch != null) {
            watch.awaiting(id, Character.toUpperCase(name.charAt(0)) + name.substring(1));
          }
          try {
            return method.invoke(stub, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            polling = false;
            if (watch != null) {
              watch.awaiting(id, null);
            }
          }
        });
    return type.cast(watched);
  }
}
