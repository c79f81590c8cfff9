package io.harnessdeployer.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/** One Prometheus registry for the Temporal SDK's metrics (through its tally scope) and ours. */
public final class WorkerMetrics implements AutoCloseable {
  public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /** For {@code WorkflowServiceStubsOptions.setMetricsScope}: the SDK's worker, poll and request metrics. */
  public final Scope sdkScope = new RootScopeBuilder()
      .reporter(new MicrometerClientStatsReporter(registry))
      .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));

  public StepMetrics steps() {
    return new StepMetrics(registry);
  }

  @Override
  public void close() {
    try {
      sdkScope.close(); // reports what it still buffers
    } catch (ScopeCloseException e) {
      throw new IllegalStateException(e);
    } finally {
      registry.close();
    }
  }
}
