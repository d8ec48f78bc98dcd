package cloud.quazzar.partner.testkit.tck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.IncompleteExecutionException;

/**
 * Makes every failure of a TCK test say which promise the store broke, so that a plugin author
 * needs no TCK sources to read it. {@link StoreTck} and every contract register it with {@code
 * @ExtendWith}; a store's own tests beside the TCK may register it too.
 *
 * <p>A test, dynamic test or test factory that fails is reported as an {@link AssertionFailedError}
 * whose message starts with {@value #PREFIX}, then the promise: the display names of the test's
 * groups and of the test itself (what {@code @DisplayName} says), e.g. {@code Partner registry >
 * Optimistic locking > the store's compare-and-set refuses a wrong version itself}. The next line
 * is the failed check as the assertion wrote it, with its expected and actual values (which the
 * new error keeps, for an IDE's comparison), or the exception the test ended with; the last line
 * names the store's test class and the contract's class and method. An assertion's stack trace is
 * kept; any other exception becomes the cause. A test's set-up and clean-up ({@code @BeforeEach},
 * {@code @AfterEach}: opening and closing the store) fail with {@code TCK set-up failed before} or
 * {@code TCK clean-up failed after} and the test's promise instead.
 *
 * <p>Left unchanged: an aborted or skipped test ({@link IncompleteExecutionException}), a {@link
 * VirtualMachineError}, and a failure already reported this way.
 */
public final class PromiseMessages implements InvocationInterceptor {
  /** The first words of the message of every failed TCK test. */
  public static final String PREFIX = "TCK promise broken: ";

  private static final String SET_UP = "TCK set-up failed before: ";
  private static final String CLEAN_UP = "TCK clean-up failed after: ";

  /** The extension; JUnit creates it for {@code @ExtendWith}. */
  public PromiseMessages() {}

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    proceed(invocation, extensionContext, PREFIX);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    proceed(invocation, extensionContext, PREFIX);
  }

  @Override
  public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    return proceed(invocation, extensionContext, PREFIX);
  }

  @Override
  public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    proceed(invocation, extensionContext, PREFIX);
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    proceed(invocation, extensionContext, SET_UP);
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
    proceed(invocation, extensionContext, CLEAN_UP);
  }

  private static <T> T proceed(Invocation<T> invocation, ExtensionContext context, String lead) throws Throwable {
    try {
      return invocation.proceed();
    } catch (Throwable t) {
      throw report(t, context, lead);
    }
  }

  /**
   * The failure {@code t} of the test of {@code context}, reported as the promise it broke.
   *
   * @param t what the test threw
   * @param context the test's context
   * @param lead the message's first words
   * @return the error to report, or {@code t} itself if it is left unchanged
   */
  static Throwable report(Throwable t, ExtensionContext context, String lead) {
    if (t instanceof IncompleteExecutionException || t instanceof VirtualMachineError || alreadyReported(t)) {
      return t;
    }
    List<String> path = displayNames(context);
    String storeTest = path.isEmpty() ? "?" : path.remove(0);
    String promise = path.isEmpty() ? context.getDisplayName() : String.join(" > ", path);
    String where = "  (store test: " + storeTest + "; contract: " + contractMethod(context) + ", in partner-testkit)";
    if (t instanceof AssertionError) {
      String message = lead + promise + "\n  failed check: " + indented(String.valueOf(t.getMessage())) + "\n" + where;
      AssertionFailedError report;
      if (t instanceof AssertionFailedError a && a.isExpectedDefined() && a.isActualDefined()) {
        report = new AssertionFailedError(message, a.getExpected().getEphemeralValue(), a.getActual().getEphemeralValue(),
            t.getCause());
      } else {
        report = new AssertionFailedError(message, t.getCause());
      }
      report.setStackTrace(t.getStackTrace());
      for (Throwable s : t.getSuppressed()) {
        report.addSuppressed(s);
      }
      return report;
    }
    String message = lead + promise + "\n  the test ended with " + indented(String.valueOf(t)) + " (the cause below)\n" + where;
    AssertionFailedError report = new AssertionFailedError(message, t);
    report.setStackTrace(t.getStackTrace());
    return report;
  }

  private static boolean alreadyReported(Throwable t) {
    String message = t.getMessage();
    return t instanceof AssertionFailedError && message != null
        && (message.startsWith(PREFIX) || message.startsWith(SET_UP) || message.startsWith(CLEAN_UP));
  }

  /** The display names from the top test class down to the test, without the engine's. */
  private static List<String> displayNames(ExtensionContext context) {
    List<String> names = new ArrayList<>();
    Optional<ExtensionContext> c = Optional.of(context);
    while (c.isPresent() && c.get().getParent().isPresent()) {
      names.add(0, c.get().getDisplayName());
      c = c.get().getParent();
    }
    return names;
  }

  /** The contract's class (with its enclosing classes) and method, e.g. {@code RegistryContract.OptimisticLocking#storeCompareAndSet}. */
  private static String contractMethod(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isEmpty()) {
      return context.getTestClass().map(PromiseMessages::className).orElse("?");
    }
    return className(method.get().getDeclaringClass()) + "#" + method.get().getName();
  }

  private static String className(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** Later lines of a multi-line message, indented under the first. */
  private static String indented(String text) {
    return text.replace("\n", "\n    ");
  }
}
