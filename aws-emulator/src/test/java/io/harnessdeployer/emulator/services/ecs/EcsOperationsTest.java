package io.harnessdeployer.emulator.services.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.emulator.services.HandlerCloudLookup;
import io.harnessdeployer.emulator.services.iam.IamHandler;
import io.harnessdeployer.emulator.services.secretsmanager.SecretsManagerHandler;
import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EcsOperationsTest {
  @Test
  void operations_implementEveryOperationOfTheCompactModel() throws IOException {
    Set<String> modeled = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/models/ecs.json")) {
      new ObjectMapper().readTree(in).get("operations").fieldNames().forEachRemaining(modeled::add);
    }
    assertEquals(modeled, new TreeSet<>(new EcsHandler(new HandlerCloudLookup(new IamHandler(), new SecretsManagerHandler(Clock.systemUTC()))).operations().keySet()));
  }
}
