package io.harnessdeployer.emulator.control;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls the emulator answered, newest last, secrets already masked, each with the ARN of the
 * identity that signed it ({@code caller}; null when unsigned or not verified). Keeps the last 10,000.
 */
public final class RequestLog {
  private static final int CAPACITY = 10_000;

  public record Entry(
      long seq,
      Instant time,
      String service,
      String operation,
      String region,
      Map<String, Object> parameters,
      int status,
      String errorCode,
      String caller) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final AtomicLong seq = new AtomicLong();

  public void add(Instant time, String service, String operation, String region, Map<String, Object> params,
      int status, String errorCode) {
    add(time, service, operation, region, params, status, errorCode, null);
  }

  public void add(Instant time, String service, String operation, String region, Map<String, Object> params,
      int status, String errorCode, String caller) {
    Entry e = new Entry(seq.incrementAndGet(), time, service, operation, region, params, status, errorCode, caller);
    synchronized (entries) {
      entries.addLast(e);
      if (entries.size() > CAPACITY) entries.removeFirst();
    }
  }

  /** Entries matching both filters (null = any). */
  public List<Entry> find(String service, String operation) {
    synchronized (entries) {
      List<Entry> out = new ArrayList<>();
      for (Entry e : entries) {
        if ((service == null || service.equals(e.service())) && (operation == null || operation.equals(e.operation()))) {
          out.add(e);
        }
      }
      return out;
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
