package io.harnessdeployer.client.options;

import io.harnessdeployer.emulator.state.LatencyProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks an emulator latency profile ({@code instant}, {@code realistic,ecs.activate=3s}) and keeps its text. */
public final class LatencyConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    try {
      LatencyProfile.parse(value.trim());
      return value.trim();
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not a latency profile (" + e.getMessage()
          + "); e.g. instant, realistic, instant,ecs.activate=3s");
    }
  }
}
