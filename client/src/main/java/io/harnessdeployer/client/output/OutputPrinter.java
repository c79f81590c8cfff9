package io.harnessdeployer.client.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Results go to stdout as text or JSON; everything else (info, warnings, progress) goes to stderr,
 * so {@code --output json} stays parseable.
 */
public final class OutputPrinter {
  /** Built on first use: text output never needs it, and it costs 40 ms of start-up. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private List<String> held;

  public OutputPrinter(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  /** Prints a result: Jackson JSON of {@code value}, or whatever {@code text} writes. */
  public void result(Object value, Consumer<PrintWriter> text) {
    if (json) {
      try {
        out.println(Json.MAPPER.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
      }
    } else {
      text.accept(out);
    }
    out.flush();
  }

  /** A line for the person watching, on stderr (held back while {@link #hold} is in force). */
  public void note(String line) {
    if (held != null) {
      held.add(line);
      return;
    }
    err.println(line);
    err.flush();
  }

  /**
   * Holds notes back while the inputs are checked: bad input then shows its one error line alone,
   * and the held notes are dropped with the command. {@link #release} prints them.
   */
  public void hold() {
    if (held == null) {
      held = new ArrayList<>();
    }
  }

  /** Prints the held notes and stops holding; also called before a question is asked. */
  public void release() {
    List<String> lines = held;
    held = null;
    if (lines != null) {
      lines.forEach(this::note);
    }
  }

  public PrintWriter err() {
    return err;
  }

  public boolean json() {
    return json;
  }
}
