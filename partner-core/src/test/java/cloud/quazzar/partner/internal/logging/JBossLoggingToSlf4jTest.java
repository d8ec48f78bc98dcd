package cloud.quazzar.partner.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The bridge hands every call to SLF4J (decision L1). That JBoss Logging picks it, and that nothing
 * reaches {@code java.util.logging} or the standard error, is shown in child JVMs without a logging
 * binding and with one (partner-examples, StartupOutputTest): in this JVM Logback is present, where
 * JBoss Logging would pick SLF4J on its own.
 */
class JBossLoggingToSlf4jTest {
  private final JBossLoggingToSlf4j bridge = new JBossLoggingToSlf4j();

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  @DisplayName("a JBoss Logging logger of the bridge is SLF4J's logger of the same name: same levels enabled")
  void loggersAreSlf4j() {
    for (String name : new String[] {"org.hibernate.validator.internal.util.Version", "cloud.quazzar.partner"}) {
      Logger logger = bridge.getLogger(name);
      org.slf4j.Logger slf4j = LoggerFactory.getLogger(name);
      assertEquals(name, logger.getName());
      assertEquals(slf4j.isTraceEnabled(), logger.isEnabled(Logger.Level.TRACE), name);
      assertEquals(slf4j.isDebugEnabled(), logger.isEnabled(Logger.Level.DEBUG), name);
      assertEquals(slf4j.isInfoEnabled(), logger.isEnabled(Logger.Level.INFO), name);
      assertEquals(slf4j.isWarnEnabled(), logger.isEnabled(Logger.Level.WARN), name);
      assertEquals(slf4j.isErrorEnabled(), logger.isEnabled(Logger.Level.ERROR), name);
    }
  }

  @Test
  @DisplayName("the mapped diagnostic context is SLF4J's")
  void mdcIsSlf4j() {
    assertNull(bridge.putMdc("partner", "p-1"));
    assertEquals("p-1", MDC.get("partner"));
    assertEquals("p-1", bridge.getMdc("partner"));
    MDC.put("node", "n-2");
    assertEquals(Map.of("partner", "p-1", "node", "n-2"), bridge.getMdcMap());
    bridge.removeMdc("partner");
    assertNull(MDC.get("partner"));
    bridge.clearMdc();
    assertNull(MDC.get("node"));
  }
}
