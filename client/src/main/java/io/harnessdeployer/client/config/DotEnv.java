package io.harnessdeployer.client.config;

import io.harnessdeployer.client.CliException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed {@code .env} / {@code env.properties} file (spec §1.4), keys in file order.
 *
 * <p>Syntax: one {@code KEY=VALUE} per line, split on the first {@code =}; blank lines and lines
 * starting with {@code #} are skipped; unquoted values lose an inline comment that starts with a
 * {@code #} preceded by a space or tab (so {@code Secret#1} survives) and are trimmed; a value in
 * {@code "…"} or {@code '…'} is taken verbatim between the quotes. An empty value or {@code NOT_SET}
 * means absent; a repeated key keeps its first position and its last value. No {@code export}, no
 * expansion.
 *
 * <p>Where the seed silently skipped or mangled a line, this parser stops with {@code
 * path:line: message} (exit 2), because a deploy run on half a settings file is worse than none:
 * a non-blank, non-comment line without {@code =}; an empty key or one that is not an env name
 * ({@code [A-Za-z_][A-Za-z0-9_]*}, which also catches {@code export KEY=…}); a quote that is opened
 * and not closed; text after a closing quote other than a comment; an unquoted value ending in a
 * quote. Messages never repeat the line, which may hold a secret.
 */
public final class DotEnv {
  public static final String NOT_SET = "NOT_SET";
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EXPORT = Pattern.compile("export\\s+[A-Za-z_][A-Za-z0-9_]*");

  /** A value and the 1-based line it was read from. */
  public record Entry(String value, int line) {}

  private final String displayName;
  private final Map<String, Entry> entries;

  private DotEnv(String displayName, Map<String, Entry> entries) {
    this.displayName = displayName;
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static DotEnv empty() {
    return new DotEnv(null, new LinkedHashMap<>());
  }

  /** Reads and parses a file; {@code displayName} is how messages name it. */
  public static DotEnv read(Path path, String displayName) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw CliException.badInput(displayName + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw CliException.badInput(displayName + ": cannot read: " + e.getClass().getSimpleName());
    }
    return parse(displayName, lines);
  }

  public static DotEnv parse(String displayName, List<String> lines) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int lineNo = i + 1;
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw malformed(displayName, lineNo, "expected KEY=VALUE but the line has no '='");
      }
      String key = line.substring(0, eq).strip();
      if (key.isEmpty()) {
        throw malformed(displayName, lineNo, "missing key before '='");
      }
      if (EXPORT.matcher(key).matches()) {
        throw malformed(displayName, lineNo, "the 'export' prefix is not supported: write KEY=VALUE");
      }
      if (!KEY.matcher(key).matches()) {
        throw malformed(displayName, lineNo,
            "invalid key: use letters, digits and '_', not starting with a digit");
      }
      String value = value(line.substring(eq + 1), displayName, lineNo);
      entries.put(key, new Entry(value, lineNo)); // a re-put keeps the first position
    }
    return new DotEnv(displayName, entries);
  }

  private static String value(String raw, String file, int line) {
    String v = raw.strip();
    if (v.startsWith("\"") || v.startsWith("'")) {
      char quote = v.charAt(0);
      int close = v.indexOf(quote, 1);
      if (close < 0) {
        throw malformed(file, line, "unterminated quote: the value opens with " + quote + " but never closes it");
      }
      String rest = v.substring(close + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        throw malformed(file, line, "unexpected text after the closing " + quote);
      }
      return v.substring(1, close);
    }
    for (int i = 1; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && (raw.charAt(i - 1) == ' ' || raw.charAt(i - 1) == '\t')) {
        v = raw.substring(0, i).strip();
        break;
      }
    }
    if (v.endsWith("\"") || v.endsWith("'")) {
      throw malformed(file, line, "the value ends with a quote it never opened: quote the whole value");
    }
    return v;
  }

  private static CliException malformed(String file, int line, String message) {
    return CliException.badInput(file + ":" + line + ": " + message);
  }

  /** How messages name this file, e.g. {@code .env}; empty when no file was read. */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /** The entry for {@code key} when it has a usable value (not blank, not {@code NOT_SET}). */
  public Optional<Entry> entry(String key) {
    Entry e = entries.get(key);
    return e == null || e.value().isBlank() || e.value().equals(NOT_SET) ? Optional.empty() : Optional.of(e);
  }

  /** Every key with its raw value, in file order (blank and NOT_SET included). */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    entries.forEach((k, e) -> values.put(k, e.value()));
    return values;
  }

  /** {@code file:line} of a key, for messages that say where a value came from. */
  public String where(String key) {
    Entry e = entries.get(key);
    return displayName + (e == null ? "" : ":" + e.line());
  }
}
