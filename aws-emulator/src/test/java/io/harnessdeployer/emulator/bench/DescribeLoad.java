package io.harnessdeployer.emulator.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code threads} keep-alive connections each sending ECS DescribeClusters for an
 * existing cluster back to back; a warm-up, then a measured window of requests/s and latencies.
 */
final class DescribeLoad {
  record Result(int threads, long requests, long errors, double seconds, double p50Ms, double p99Ms, double maxMs) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private DescribeLoad() {}

  /** Creates the cluster the load describes, and checks the answer looks like ECS's. */
  static void prepare(String host, int port, String cluster) throws IOException {
    try (RawAwsCall call = new RawAwsCall(host, port)) {
      RawAwsCall.Response created = call.exchange(call.ecs("CreateCluster", "{\"clusterName\":\"" + cluster + "\"}"));
      if (created.status() != 200) throw new IllegalStateException("CreateCluster: " + created);
      RawAwsCall.Response described = call.exchange(describe(call, cluster));
      if (described.status() != 200 || !described.body().contains("\"clusterName\":\"" + cluster + "\"")) {
        throw new IllegalStateException("DescribeClusters: " + described);
      }
    }
  }

  static Result run(String host, int port, String cluster, int threads, double warmupSeconds, double seconds)
      throws InterruptedException {
    AtomicLong errors = new AtomicLong();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long measureTo = measureFrom + (long) (seconds * 1e9);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        try (RawAwsCall call = new RawAwsCall(host, port)) {
          byte[] request = describe(call, cluster);
          for (long now = System.nanoTime(); now < measureTo; ) {
            int status = call.send(request);
            long after = System.nanoTime();
            if (now >= measureFrom) {
              if (status != 200) errors.incrementAndGet();
              if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
              mine[n++] = after - now;
            }
            now = after;
          }
        } catch (IOException e) {
          errors.incrementAndGet();
          System.err.println("load thread " + id + ": " + e);
        } finally {
          latencies[id] = mine;
          counts[id] = n;
          done.countDown();
        }
      }, "load-" + t);
      workers.add(w);
      w.start();
    }
    done.await();
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(threads, total, errors.get(), seconds, ms(all, 0.50), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  private static byte[] describe(RawAwsCall call, String cluster) {
    return call.ecs("DescribeClusters", "{\"clusters\":[\"" + cluster + "\"]}");
  }

  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
