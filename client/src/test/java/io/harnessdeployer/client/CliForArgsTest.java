package io.harnessdeployer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@link Cli#forArgs} sets up only the verb named, and answers exactly as the full command line does. */
class CliForArgsTest {
  @TempDir Path dir;

  private static final List<String> ALL = HarnessDeployerCommand.VERBS.stream()
      .map(v -> v.getAnnotation(Command.class).name()).toList();

  private CommandLine lazy(String... args) {
    return Cli.forArgs(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        CliRun.live(dir, Map.of()));
  }

  @Test
  void aVerbGetsOnlyItself_anythingElseGetsEveryVerb() {
    for (String verb : ALL) {
      assertEquals(Set.of(verb), lazy(verb, "--name", "x").getSubcommands().keySet());
    }
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"stauts"}, new String[] {"-V"})) {
      assertEquals(ALL, List.copyOf(lazy(args).getSubcommands().keySet()), String.join(" ", args));
    }
  }

  @Test
  void theAnswersAreTheFullCommandLines() {
    List<List<String>> cases = List.of(List.of("--help"), List.of("stauts"), List.of(), List.of("status", "--help"),
        List.of("status", "--nmae", "x"), List.of("drift", "schedule", "--help"), List.of("logs", "--since", "soon"));
    for (List<String> c : cases) {
      String[] args = c.toArray(String[]::new);
      assertEquals(run(true, args), run(false, args), String.join(" ", c));
    }
  }

  private String run(boolean lazy, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = CliRun.live(dir, Map.of(CliContext.STATE_DIR_ENV, dir.resolve("state").toString()));
    CommandLine cl = lazy ? Cli.forArgs(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx)
        : Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), ctx);
    int code = cl.execute(args);
    return code + "\n" + out + "\n" + err;
  }
}
