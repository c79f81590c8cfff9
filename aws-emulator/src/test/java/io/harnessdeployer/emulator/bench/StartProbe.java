package io.harnessdeployer.emulator.bench;

import io.harnessdeployer.emulator.runtime.Emulator;
import java.lang.management.ManagementFactory;

/**
 * Run in a fresh JVM: the time from {@code Emulator.builder()} to a started emulator, and to its
 * first answered AWS request. Prints one {@code START} line for {@link EmulatorBench} to read.
 */
public final class StartProbe {
  private StartProbe() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    try (Emulator emulator = Emulator.builder().port(0).build().start()) {
      long started = System.nanoTime();
      int status;
      try (RawAwsCall call = new RawAwsCall("127.0.0.1", emulator.port())) {
        status = call.send(call.ecs("DescribeClusters", "{\"clusters\":[\"probe\"]}"));
      }
      long answered = System.nanoTime();
      if (status != 200) throw new IllegalStateException("first DescribeClusters answered " + status);
      System.out.printf("START start_ms=%.1f first_answer_ms=%.1f jvm_uptime_ms=%d%n",
          (started - t0) / 1e6, (answered - t0) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }
}
