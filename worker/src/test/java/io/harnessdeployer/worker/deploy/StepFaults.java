package io.harnessdeployer.worker.deploy;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Arms a control-API fault at the moment a given step's activity starts, so a fault on an
 * operation several steps share (IAM GetRole, ECS DescribeExpressGatewayService) hits exactly that
 * step's first call. It only decides WHEN the fault is posted; the activity and the AWS call it
 * fails are real. Fires once, so an operator RETRY runs the step against a healthy cloud. The
 * cancellation test hangs its own action on the same hook.
 */
final class StepFaults extends WorkerInterceptorBase {
  /**
   * @param activityType Temporal activity type, e.g. {@code EnsureInfrastructureRole}
   * @param arguments which invocation of that type (e.g. the allowed-hosts {@code EnsureService})
   * @param inject posts the fault through the control API (runs on the activity's thread, before it)
   */
  record Trigger(String activityType, Predicate<Object[]> arguments, Consumer<EmulatorControl> inject) {}

  private final EmulatorControl control;
  private final AtomicReference<Trigger> armed = new AtomicReference<>();

  StepFaults(EmulatorControl control) {
    this.control = control;
  }

  void arm(Trigger trigger) {
    armed.set(trigger);
  }

  void disarm() {
    armed.set(null);
  }

  /** Whether the armed fault was posted (the step was reached). */
  boolean fired() {
    return armed.get() == null;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String type;

      @Override
      public void init(ActivityExecutionContext context) {
        type = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Trigger t = armed.get();
        if (t != null && t.activityType().equals(type) && t.arguments().test(input.getArguments())
            && armed.compareAndSet(t, null)) {
          t.inject().accept(control);
        }
        return super.execute(input);
      }
    };
  }
}
