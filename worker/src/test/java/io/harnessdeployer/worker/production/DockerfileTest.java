package io.harnessdeployer.worker.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The worker's Dockerfile: multi-stage, Maven wrapper, pinned JRE base, non-root, exec-form entrypoint. */
class DockerfileTest {
  private final List<String> instructions = instructions(RepoFiles.read("Dockerfile"));

  /** Instructions with their continuation lines joined, comments dropped. */
  static List<String> instructions(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        out.add(current.toString().trim().replaceAll("\\s+", " "));
        current.setLength(0);
      }
    }
    return out;
  }

  private List<String> starting(String keyword) {
    return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
  }

  private List<String> finalStage() {
    int last = 0;
    for (int i = 0; i < instructions.size(); i++) if (instructions.get(i).startsWith("FROM ")) last = i;
    return instructions.subList(last, instructions.size());
  }

  @Test
  void buildsWithTheMavenWrapper_thenRunsOnAPinnedJreBase() {
    List<String> froms = starting("FROM");
    assertEquals(2, froms.size(), froms.toString());
    assertTrue(froms.get(0).matches("FROM eclipse-temurin:17\\.[0-9._]+-jdk-[a-z]+ AS build"), froms.get(0));
    assertTrue(froms.get(1).matches("FROM eclipse-temurin:17\\.[0-9._]+-jre-[a-z]+"), froms.get(1));
    assertTrue(starting("RUN").get(0).startsWith("RUN ./mvnw -B"), "built with the wrapper");
    assertTrue(finalStage().contains("COPY --from=build /out /app"), "only the build's output is copied");
  }

  @Test
  void runsAsANonRootUser() {
    List<String> users = finalStage().stream().filter(i -> i.startsWith("USER ")).toList();
    assertEquals(1, users.size(), finalStage().toString());
    String user = users.get(0).substring(5).split(":")[0];
    assertFalse(user.equals("root") || user.equals("0"), user);
    assertTrue(finalStage().stream().anyMatch(i -> i.contains("useradd") && i.contains("--uid " + user)),
        "user " + user + " is created in the final stage");
    assertTrue(finalStage().indexOf(users.get(0)) < finalStage().indexOf(starting("ENTRYPOINT").get(0)));
  }

  @Test
  void theEntrypointIsExecForm_soJavaGetsSigtermAndDrains() throws IOException {
    List<String> entry = starting("ENTRYPOINT");
    assertEquals(1, entry.size());
    List<String> argv = new ObjectMapper().readValue(entry.get(0).substring("ENTRYPOINT ".length()), new TypeReference<>() {});
    assertEquals("java", argv.get(0));
    assertEquals("io.harnessdeployer.worker.WorkerMain", argv.get(argv.size() - 1));
    assertTrue(starting("CMD").isEmpty() && starting("STOPSIGNAL").isEmpty(), "SIGTERM, no shell in between");
  }

  @Test
  void hadolintRunsClean() throws IOException, InterruptedException {
    Path hadolint = Arrays.stream(System.getenv("PATH").split(":")).map(d -> Path.of(d, "hadolint"))
        .filter(Files::isExecutable).findFirst().orElse(null);
    Assumptions.assumeTrue(hadolint != null,
        "hadolint is not installed: Debian has no hadolint package (apt-cache policy hadolint finds none), "
            + "so only the structural checks above run here");
    Process p = new ProcessBuilder(hadolint.toString(), RepoFiles.ROOT.resolve("Dockerfile").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
