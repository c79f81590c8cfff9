package io.harnessdeployer.emulator.services.agentcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.harnessdeployer.emulator.error.AwsServiceError;
import io.harnessdeployer.emulator.runtime.CloudLookup;
import io.harnessdeployer.emulator.runtime.RequestContext;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.function.Executable;

/** A control and data handler on a clock the test moves, with IAM roles the test creates. */
final class AgentCoreFixture {
  static final String ROLE = "arn:aws:iam::123456789012:role/harness-exec";
  static final Duration CREATE = Duration.ofSeconds(6);
  static final Duration UPDATE = Duration.ofSeconds(4);
  static final Duration DELETE = Duration.ofSeconds(3);
  static final Duration PROPAGATION = Duration.ofSeconds(5);
  static final Duration RUNTIME = Duration.ofSeconds(8);
  static final Duration GATEWAY = Duration.ofSeconds(6);
  static final Duration TARGET = Duration.ofSeconds(4);
  static final Duration GONE = Duration.ofSeconds(2);

  final StepClock clock = new StepClock(Instant.parse("2026-03-01T10:00:00Z"));
  final Map<String, Instant> roles = new HashMap<>();
  final Map<String, Boolean> servedHosts = new HashMap<>();
  /** What services wrote to log groups: {@code group|stream|line}. */
  final List<String> logLines = new java.util.ArrayList<>();
  /** What every served host answers; null: a healthy MCP server. */
  io.harnessdeployer.emulator.runtime.EndpointHost.Response hostAnswer;
  final EmulatorSettings settings;
  final AgentCoreControlHandler control;
  final AgentCoreDataHandler data;

  AgentCoreFixture() {
    LatencyProfile latency = LatencyProfile.instant()
        .with("harness.create", CREATE)
        .with("harness.update", UPDATE)
        .with("harness.delete", DELETE)
        .with("iam.propagation", PROPAGATION)
        .with("runtime.create", RUNTIME)
        .with("runtime.update", RUNTIME)
        .with("runtime.delete", GONE)
        .with("gateway.create", GATEWAY)
        .with("gateway.update", GATEWAY)
        .with("gateway.delete", GONE)
        .with("target.create", TARGET)
        .with("target.delete", GONE);
    settings = EmulatorSettings.defaults().withClock(clock).withLatency(latency);
    CloudLookup cloud = new CloudLookup() {
      @Override
      public Optional<Instant> roleCreatedAt(String accountId, String roleArn) {
        return accountId.equals(settings.accountId()) ? Optional.ofNullable(roles.get(roleArn)) : Optional.empty();
      }

      @Override
      public Optional<Map<String, String>> secretJson(String accountId, String region, String secretId) {
        return Optional.empty();
      }

      @Override
      public void writeLog(String accountId, String region, String group, String stream, Instant at, List<String> lines,
          boolean createGroup) {
        lines.forEach(l -> logLines.add(group + "|" + stream + "|" + l));
      }
    };
    Random random = new Random(42);
    control = new AgentCoreControlHandler(settings, cloud, () -> random);
    data = new AgentCoreDataHandler(control, new ToolHosts() {
      @Override
      public boolean serves(String host) {
        return servedHosts.getOrDefault(host, false);
      }

      @Override
      public io.harnessdeployer.emulator.runtime.EndpointHost.Response answer(
          io.harnessdeployer.emulator.runtime.EndpointHost.Request request) {
        return hostAnswer != null ? hostAnswer : ToolHosts.super.answer(request);
      }
    });
  }

  /** A role old enough for IAM to have propagated it. */
  AgentCoreFixture withRole(String arn) {
    roles.put(arn, clock.instant().minus(PROPAGATION));
    return this;
  }

  Map<String, Object> control(String op, Map<String, Object> input) {
    return call(control.operations().get(op), op, "bedrock-agentcore-control", input);
  }

  Map<String, Object> data(String op, Map<String, Object> input) {
    return call(data.operations().get(op), op, "bedrock-agentcore", input);
  }

  private Map<String, Object> call(io.harnessdeployer.emulator.runtime.Operation impl, String op, String service,
      Map<String, Object> input) {
    if (impl == null) throw new AssertionError(service + " has no operation " + op);
    RequestContext ctx = new RequestContext(service, op, settings.accountId(), "us-east-1", "req-1", clock.instant(), settings);
    return impl.invoke(ctx, new LinkedHashMap<>(input));
  }

  static AwsServiceError fails(String code, Executable call) {
    AwsServiceError e = assertThrows(AwsServiceError.class, call);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /** A clock that moves only when told to. */
  static final class StepClock extends Clock {
    private final AtomicLong millis;

    StepClock(Instant start) {
      millis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }
}
