package cloud.quazzar.partner.internal.logging;

import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;
import org.jspecify.annotations.Nullable;

/**
 * Sends JBoss Logging, through which Hibernate Validator logs (its {@code HV000001} version line at
 * start-up among others), to SLF4J, like all of the library's logging (decision L1 in
 * docs/decisions.md). Without it, JBoss Logging picks SLF4J only when Logback is present and
 * otherwise falls back to {@code java.util.logging}, whose default handler prints to the host's
 * standard error.
 *
 * <p>JBoss Logging (the 3.6 line that Hibernate Validator brings) takes the first {@link LoggerProvider} that {@link
 * java.util.ServiceLoader} finds with its own class loader, unless the system property {@code
 * org.jboss.logging.provider} names a back end: that property is read first, so a host that sets it
 * keeps its choice. Core declares this class for both paths: {@code provides} in its module
 * descriptor and {@code META-INF/services/org.jboss.logging.LoggerProvider} for the class path.
 * Every call goes to JBoss Logging's own {@link Slf4jLoggerProvider}.
 */
public final class JBossLoggingToSlf4j implements LoggerProvider {
  private final LoggerProvider slf4j = new Slf4jLoggerProvider();

  /** For {@link java.util.ServiceLoader}. */
  public JBossLoggingToSlf4j() {}

  @Override
  public Logger getLogger(String name) {
    return slf4j.getLogger(name);
  }

  @Override
  public void clearMdc() {
    slf4j.clearMdc();
  }

  @Override
  public @Nullable Object putMdc(String key, Object value) {
    return slf4j.putMdc(key, value);
  }

  @Override
  public @Nullable Object getMdc(String key) {
    return slf4j.getMdc(key);
  }

  @Override
  public void removeMdc(String key) {
    slf4j.removeMdc(key);
  }

  @Override
  public Map<String, Object> getMdcMap() {
    return slf4j.getMdcMap();
  }

  @Override
  public void clearNdc() {
    slf4j.clearNdc();
  }

  @Override
  public @Nullable String getNdc() {
    return slf4j.getNdc();
  }

  @Override
  public int getNdcDepth() {
    return slf4j.getNdcDepth();
  }

  @Override
  public @Nullable String popNdc() {
    return slf4j.popNdc();
  }

  @Override
  public @Nullable String peekNdc() {
    return slf4j.peekNdc();
  }

  @Override
  public void pushNdc(String message) {
    slf4j.pushNdc(message);
  }

  @Override
  public void setNdcMaxDepth(int maxDepth) {
    slf4j.setNdcMaxDepth(maxDepth);
  }
}
