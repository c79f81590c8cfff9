package io.harnessdeployer.worker.deploy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Logback's unconfigured default is DEBUG for everything: far too loud (and slow) for these tests. */
final class TestLogging {
  private TestLogging() {}

  static void quiet() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("io.harnessdeployer")).setLevel(Level.INFO);
  }
}
