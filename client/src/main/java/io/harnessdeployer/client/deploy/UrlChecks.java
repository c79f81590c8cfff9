package io.harnessdeployer.client.deploy;

import static io.harnessdeployer.client.output.UserText.quote;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.Setting;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs and network addresses, parsed rather than prefix-matched: a scheme we accept, a host, no
 * userinfo (credentials in a URL end up in logs and history), a port in 1..65535.
 */
public final class UrlChecks {
  static final int MAX_URL = 2048;
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  /** A DNS name, an IPv4 address, or an IPv6 address in brackets, then {@code :port}. */
  private static final Pattern HOST_PORT =
      Pattern.compile("^(" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})$");

  private UrlChecks() {}

  /**
   * @param httpsOnly true where the value leaves this machine (the harness calls it); false for
   *     {@code --endpoint-url}, which is often the local emulator on plain http
   */
  public static URI url(Setting s, String what, boolean httpsOnly) {
    String v = s.value();
    if (v.length() > MAX_URL) {
      throw CliException.badInput(what + s.from() + " is " + v.length() + " characters long: at most " + MAX_URL);
    }
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      throw CliException.badInput(what + " " + quote(v) + s.from() + " is not a valid URL: " + e.getReason()
          + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (httpsOnly ? !scheme.equals("https") : !(scheme.equals("https") || scheme.equals("http"))) {
      throw CliException.badInput(what + " must use " + (httpsOnly ? "https://" : "http:// or https://") + s.from()
          + ": " + quote(v));
    }
    if (uri.getRawUserInfo() != null) {
      throw CliException.badInput(what + s.from() + " must not hold a user or password before '@'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw CliException.badInput(what + " " + quote(v) + s.from() + " has no valid host");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw CliException.badInput(what + " " + quote(v) + s.from() + " has a port outside 1..65535");
    }
    if (!httpsOnly && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
      throw CliException.badInput(what + " " + quote(v) + s.from() + " must not have a query or fragment");
    }
    return uri;
  }

  /** {@code host:port}: gRPC turns anything else into a long stack trace or a silent wait. */
  public static String hostPort(Setting s, String what) {
    String v = s.value();
    if (v.length() > 261) {
      throw CliException.badInput(what + s.from() + " is " + v.length() + " characters long: expected HOST:PORT");
    }
    Matcher m = HOST_PORT.matcher(v);
    if (!m.matches()) {
      throw CliException.badInput("invalid " + what + " " + quote(v) + s.from() + ": expected HOST:PORT, e.g. 127.0.0.1:7233");
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > 65535) {
      throw CliException.badInput("invalid " + what + " " + quote(v) + s.from() + ": the port must be 1..65535");
    }
    return v;
  }
}
