package io.harnessdeployer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The CLI's logging: warnings and errors, on stderr, the heartbeat manager's only when errors. */
class CliLogConfiguratorTest {
  @Test
  void warningsGoToStderr() {
    LoggerContext context = new LoggerContext();
    CliLogConfigurator c = new CliLogConfigurator();
    c.setContext(context);
    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, c.configure(context));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.WARN, root.getLevel());
    ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
    assertEquals("System.err", stderr.getTarget());
    assertEquals(Level.ERROR, context.getLogger("io.temporal.internal.worker.HeartbeatManager").getLevel());
  }

  @Test
  void theSlf4jBindingUsesIt() {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    assertInstanceOf(ConsoleAppender.class, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
  }
}
