package io.harnessdeployer.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {
  @TempDir Path dir;

  @Test
  void dotEnvWinsOverEnvProperties() throws Exception {
    Files.writeString(dir.resolve(".env"), "FROM=dotenv\n");
    Files.writeString(dir.resolve("env.properties"), "FROM=properties\n");

    DotEnv env = EnvFiles.load(dir, null);
    assertEquals(Optional.of(".env"), env.displayName());
    assertEquals("dotenv", env.entry("FROM").orElseThrow().value());
  }

  @Test
  void fallsBackToEnvProperties() throws Exception {
    Files.writeString(dir.resolve("env.properties"), "FROM=properties\n");
    DotEnv env = EnvFiles.load(dir, null);
    assertEquals(Optional.of("env.properties"), env.displayName());
  }

  @Test
  void noFileIsAnEmptyMap() {
    DotEnv env = EnvFiles.load(dir, null);
    assertEquals(Optional.empty(), env.displayName());
    assertTrue(env.values().isEmpty());
  }

  @Test
  void explicitFileIsReadRelativeToCwdAndOnlyIt() throws Exception {
    Files.writeString(dir.resolve(".env"), "FROM=dotenv\n");
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/prod.env"), "FROM=explicit\n");

    DotEnv env = EnvFiles.load(dir, Path.of("conf/prod.env"));
    assertEquals("explicit", env.entry("FROM").orElseThrow().value());
    assertEquals("conf/prod.env:1", env.where("FROM"));
  }

  @Test
  void explicitMissingFileIsBadInput() throws Exception {
    Files.writeString(dir.resolve(".env"), "FROM=dotenv\n");
    CliException e = assertThrows(CliException.class, () -> EnvFiles.load(dir, Path.of("missing.env")));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals("--env-file 'missing.env': no such file", e.getMessage());
  }
}
