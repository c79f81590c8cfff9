package io.harnessdeployer.emulator.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.harnessdeployer.emulator.runtime.Emulator;
import io.harnessdeployer.emulator.state.EmulatorSettings;
import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The same scenarios through the Java SDK v2 against {@code moto_server} and against the emulator,
 * both in us-east-1 and account 123456789012: every step must see the same value, or the same error
 * code and HTTP status, except the known divergences in {@link #KNOWN}. Messages are not compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoDifferentialTest {
  private static final String NOT_REACHED = "(not reached)";

  /** Accepted differences, each with its reason; every one must be seen in a run. */
  static final List<Divergence> KNOWN = List.of(
      new Divergence("secretsmanager.*", Divergence.ANY,
          Observations.error("ResourceNotFoundException", 404), Observations.error("ResourceNotFoundException", 400),
          "moto sends 404 for Secrets Manager's ResourceNotFoundException; the model gives it no status, so "
              + "awsJson1_1's default 400 applies"),
      new Divergence("secretsmanager.deleteWithRecoveryWindowThenRestore", "CreateSecret same name while scheduled",
          Observations.error("ResourceExistsException", 400), Observations.error("InvalidRequestException", 400),
          "real Secrets Manager refuses a name scheduled for deletion with InvalidRequestException "
              + "('... already scheduled for deletion'); moto calls it a duplicate"),
      new Divergence("ecs.deleteCluster", "DeleteCluster again",
          Observations.OK, Observations.error("ClusterNotFoundException", 400),
          "moto answers the INACTIVE cluster again, the emulator ClusterNotFoundException; real ECS is unverified "
              + "offline (aws/aws-cli#2078 hints at moto's answer) and the deployer's spec 7.5 loop takes both as done"),
      new Divergence("cognito.domain", "CreateUserPoolDomain taken prefix",
          Observations.OK, Observations.error("InvalidParameterException", 400),
          "a prefix domain is unique in its region; moto lets a second pool take it, real Cognito refuses with "
              + "InvalidParameterException '... already ...', which spec 3 step 6.4 relies on (regional collision)"));

  private final Set<Divergence> seen = ConcurrentHashMap.newKeySet();
  private String unavailable;
  private MotoServer moto;
  private Emulator emulator;

  @BeforeAll
  void start() throws Exception {
    unavailable = MotoServer.unavailable();
    if (unavailable != null) return;
    moto = MotoServer.start();
    EmulatorSettings settings = EmulatorSettings.defaults()
        .withClock(new TestClock(Instant.parse("2026-11-24T04:00:00Z")))
        .withLatency(LatencyProfile.instant());
    emulator = Emulator.builder().settings(settings).build().start();
  }

  @AfterAll
  void stop() {
    if (emulator != null) emulator.close();
    if (moto != null) moto.close();
  }

  @TestFactory
  Stream<DynamicTest> scenarios() {
    if (unavailable != null) {
      // A dynamic test, not a class-level assumption, so the skip and its reason show in the report.
      return Stream.of(DynamicTest.dynamicTest("moto differential tests",
          () -> Assumptions.abort("moto differential tests skipped: " + unavailable)));
    }
    Map<String, Scenario> all = new LinkedHashMap<>();
    all.putAll(EcsScenarios.all());
    all.putAll(IamScenarios.all());
    all.putAll(LogsScenarios.all());
    all.putAll(SecretsScenarios.all());
    all.putAll(CognitoScenarios.all());
    Stream<DynamicTest> each = all.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> compare(e.getKey(), e.getValue())));
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("every known divergence is still seen",
        () -> assertEquals(List.of(), KNOWN.stream().filter(d -> !seen.contains(d)).toList(), "stale allow-list entries"))));
  }

  private void compare(String name, Scenario scenario) {
    Map<String, String> onMoto = Observations.of(scenario, new Target("moto", moto.endpoint())).steps();
    Map<String, String> onEmulator = Observations.of(scenario, new Target("emulator", emulator.endpoint())).steps();
    Set<String> steps = new LinkedHashSet<>(onMoto.keySet());
    steps.addAll(onEmulator.keySet());
    List<String> problems = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format("%-40s %-44s %-44s%n", "step", "moto", "emulator"));
    for (String step : steps) {
      String m = onMoto.getOrDefault(step, NOT_REACHED);
      String e = onEmulator.getOrDefault(step, NOT_REACHED);
      String verdict = verdict(name, step, m, e);
      if (verdict.startsWith("DIFFERS") || verdict.startsWith("KNOWN")) problems.add(step);
      table.append(String.format("%-40s %-44s %-44s %s%n", step, m, e, verdict));
    }
    System.out.println(name + "\n" + table);
    if (!problems.isEmpty()) fail(name + ": moto and the emulator differ at " + problems + "\n" + table);
  }

  private String verdict(String scenario, String step, String onMoto, String onEmulator) {
    for (Divergence d : KNOWN) {
      if (!d.covers(scenario, step)) continue;
      if (d.matches(onMoto, onEmulator)) {
        seen.add(d);
        return "known: " + d.reason();
      }
      if (d.pinned()) return "KNOWN DIVERGENCE NO LONGER HOLDS (listed: moto " + d.moto() + ", emulator " + d.emulator() + ")";
    }
    return Objects.equals(onMoto, onEmulator) ? "" : "DIFFERS";
  }
}
