package io.harnessdeployer.client.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.harnessdeployer.client.CliException;
import io.harnessdeployer.client.config.Setting;
import org.junit.jupiter.api.Test;

class UrlChecksTest {
  static String urlError(String url, boolean httpsOnly) {
    return assertThrows(CliException.class, () -> UrlChecks.url(new Setting(url, "--x"), "URL", httpsOnly)).getMessage();
  }

  static String addressError(String address) {
    return assertThrows(CliException.class, () -> UrlChecks.hostPort(new Setting(address, "--x"), "address")).getMessage();
  }

  @Test
  void urlsNeedTheirSchemeAHostNoUserinfoAndARealPort() {
    assertEquals("URL must use https:// (from --x): 'http://h.example/'", urlError("http://h.example/", true));
    assertEquals("URL (from --x) must not hold a user or password before '@'", urlError("https://u:p@h.example/", true));
    assertEquals("URL 'https:///mcp' (from --x) has no valid host", urlError("https:///mcp", true));
    assertEquals("URL 'https://h.example:99999/' (from --x) has a port outside 1..65535", urlError("https://h.example:99999/", true));
    assertEquals("URL 'http://h:4566?x=1' (from --x) must not have a query or fragment", urlError("http://h:4566?x=1", false));
    assertEquals("http", UrlChecks.url(new Setting("http://127.0.0.1:4566", "--x"), "URL", false).getScheme());
  }

  @Test
  void addressesAreHostColonPort() {
    assertEquals("invalid address '127.0.0.1' (from --x): expected HOST:PORT, e.g. 127.0.0.1:7233", addressError("127.0.0.1"));
    assertEquals("invalid address 'h:70000' (from --x): the port must be 1..65535", addressError("h:70000"));
    assertEquals("invalid address 'h:0' (from --x): the port must be 1..65535", addressError("h:0"));
    assertEquals("[::1]:7233", UrlChecks.hostPort(new Setting("[::1]:7233", "--x"), "address"));
    assertEquals("temporal.prod:7233", UrlChecks.hostPort(new Setting("temporal.prod:7233", "--x"), "address"));
  }
}
