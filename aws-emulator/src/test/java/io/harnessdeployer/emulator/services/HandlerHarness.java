package io.harnessdeployer.emulator.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.Operation;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.runtime.ServiceHandler;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Assertions;

/** Calls a handler's operations directly, as the router would, on a clock the test moves. */
public final class HandlerHarness {
  public static final String ACCOUNT = EmulatorSettings.DEFAULT_ACCOUNT;
  public static final String REGION = "us-east-1";

  private final ServiceHandler handler;
  private final MutableClock clock;
  private final EmulatorSettings settings;
  private String account = ACCOUNT;
  private String region = REGION;

  public HandlerHarness(ServiceHandler handler) {
    this(handler, new MutableClock(Instant.parse("2026-01-15T10:00:00.123Z")));
  }

  /** For handlers that read the clock outside requests: give them the same clock. */
  public HandlerHarness(ServiceHandler handler, MutableClock clock) {
    this.handler = handler;
    this.clock = clock;
    this.settings = EmulatorSettings.defaults().withClock(clock);
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public void advance(Duration d) {
    clock.advance(d);
  }

  public HandlerHarness as(String accountId, String regionName) {
    this.account = accountId;
    this.region = regionName;
    return this;
  }

  public Map<String, Object> call(String operation, Map<String, Object> input) {
    Operation op = handler.operations().get(operation);
    Assertions.assertNotNull(op, "no operation " + operation);
    RequestContext ctx =
        new RequestContext(handler.service(), operation, account, region, "req-1", clock.instant(), settings);
    return op.invoke(ctx, input);
  }

  /** Asserts the call fails with this error shape and returns the error for message checks. */
  public AwsServiceError fails(String operation, Map<String, Object> input, String errorShape) {
    AwsServiceError e =
        Assertions.assertThrows(AwsServiceError.class, (Executable) () -> call(operation, input));
    Assertions.assertEquals(errorShape, e.code(), e.getMessage());
    return e;
  }

  /** Operation names the compact model lists for this service. */
  public static Set<String> modelOperations(String service) {
    try (InputStream in = HandlerHarness.class.getResourceAsStream("/models/" + service + ".json")) {
      JsonNode ops = new ObjectMapper().readTree(in).get("operations");
      Set<String> names = new TreeSet<>();
      ops.fieldNames().forEachRemaining(names::add);
      return names;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock tests move by hand; never reads the wall clock. */
  public static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    public void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
