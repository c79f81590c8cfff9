package io.harnessdeployer.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCanceledException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Our own per-step meters: every activity attempt is timed as {@value #TIMER} (tags {@code step} =
 * activity type, {@code outcome} = success, failure or canceled) and every retry counted as
 * {@value #RETRIES}. A worker interceptor, so no activity knows of it.
 */
public final class StepMetrics extends WorkerInterceptorBase {
  public static final String TIMER = "harness.deployer.step";
  public static final String RETRIES = "harness.deployer.step.retries";
  private final MeterRegistry registry;

  public StepMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info; // one interceptor per attempt: init comes first, on the same thread

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        String step = info.getActivityType();
        if (info.getAttempt() > 1) {
          Counter.builder(RETRIES).description("activity attempts after the first, per step")
              .tag("step", step).register(registry).increment();
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
          ActivityOutput out = super.execute(input);
          outcome = "success";
          return out;
        } catch (ActivityCanceledException e) {
          outcome = "canceled";
          throw e;
        } finally {
          sample.stop(Timer.builder(TIMER).description("one attempt of a deploy, drift or destroy step")
              .tag("step", step).tag("outcome", outcome).register(registry));
        }
      }
    };
  }
}
