package io.harnessdeployer.client.options;

import static io.harnessdeployer.client.output.UserText.quote;

import io.harnessdeployer.emulator.state.LatencyProfile;
import java.time.Duration;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks an emulator latency profile ({@code instant}, {@code realistic,ecs.activate=3s}) and keeps
 * its text. Each delay is at most {@link #MAX}: the IAM one travels into deploy requests.
 */
public final class LatencyConverter implements ITypeConverter<String> {
  static final Duration MAX = Duration.ofHours(1);

  @Override
  public String convert(String value) {
    LatencyProfile p;
    try {
      p = LatencyProfile.parse(value.trim());
    } catch (RuntimeException e) {
      throw new TypeConversionException(quote(value) + " is not a latency profile; e.g. instant, realistic,"
          + " instant,ecs.activate=3s");
    }
    boolean absurd = Stream.of(p.ecsServiceActivate(), p.ecsServiceUpdate(), p.ecsServiceDrain(), p.harnessCreate(),
            p.harnessUpdate(), p.harnessDelete(), p.iamPropagation(), p.runtimeCreate(), p.gatewayCreate())
        .anyMatch(d -> d.isNegative() || d.compareTo(MAX) > 0);
    if (absurd) {
      throw new TypeConversionException(quote(value) + ": each delay must be between 0s and 1h");
    }
    return value.trim();
  }
}
