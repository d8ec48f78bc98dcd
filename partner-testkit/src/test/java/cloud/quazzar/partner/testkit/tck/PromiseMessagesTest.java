package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.EventRepository;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.ReviewRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

/**
 * A failing TCK test says which promise broke ({@link PromiseMessages}): TCK tests run here through
 * the JUnit Platform launcher against deliberately broken stores, and their failures must carry the
 * test's display names, the failed check with its expected and actual values, and the place of the
 * check.
 */
class PromiseMessagesTest {
  /** The configuration parameter that lets the broken stores' TCK classes run (see {@link OnlyLaunchedHere}). */
  static final String LAUNCHED_HERE = "partner.tck.promiseMessagesTest";

  @Test
  @DisplayName("a store whose compare-and-set ignores the version fails with the promise, the check and expected false, actual true")
  void booleanCheck() {
    Throwable t = onlyFailure(VersionIgnoringTck.class, List.of(StoreTck.Registry.class), RegistryContract.OptimisticLocking.class,
        "storeCompareAndSet");
    String message = String.valueOf(t.getMessage());
    assertTrue(message.startsWith(PromiseMessages.PREFIX
            + "Partner registry > Optimistic locking > the store's compare-and-set refuses a wrong version itself\n"),
        "the message starts with the promise, the test's display names: " + message);
    assertTrue(message.contains("\n  failed check: update with expected version 2 of a partner stored at version 1 returns false"
            + " ==> expected: <false> but was: <true>\n"),
        "then the failed check with its expected and actual values: " + message);
    assertTrue(message.contains("store test: a store that ignores the expected version; contract: "
            + "RegistryContract.OptimisticLocking#storeCompareAndSet"),
        "then the store's test class and the contract's method: " + message);
    AssertionFailedError failure = assertInstanceOf(AssertionFailedError.class, t, "the failure stays an assertion failure");
    assertEquals(false, failure.getExpected().getEphemeralValue(), "the expected value is kept for an IDE's comparison");
    assertEquals(true, failure.getActual().getEphemeralValue(), "the actual value is kept for an IDE's comparison");
    assertTrue(Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().startsWith(RegistryContract.class.getName())),
        "the stack trace still leads to the failed check: " + Arrays.toString(t.getStackTrace()));
  }

  @Test
  @DisplayName("a store that lists partners in the wrong order fails with the promise and the expected and actual lists")
  void equalityCheck() {
    Throwable t = onlyFailure(ReversedListTck.class, List.of(), StoreTck.Lists.class, "ordersBothWays");
    String message = String.valueOf(t.getMessage());
    assertTrue(message.startsWith(PromiseMessages.PREFIX + "Partner lists > LIST-1: by name key, created time or tier, then"
        + " name key; descending reverses every part; any page size\n"), message);
    assertTrue(message.contains("by name, pages of 1 ==> expected: <[Alpha, Bravo, charlie, delta, echo]> but was: <[Bravo,"
        + " delta, echo]>"), "the expected and the actual order: " + message);
    assertTrue(message.contains("store test: a store that lists in reverse order"), message);
  }

  @Test
  @DisplayName("a store that throws where it should answer fails with the promise and the exception, kept as the cause")
  void exception() {
    Throwable t = onlyFailure(UnfinishedTck.class, List.of(StoreTck.Registry.class), RegistryContract.RoundTrips.class,
        "spiLookups");
    String message = String.valueOf(t.getMessage());
    assertTrue(message.startsWith(PromiseMessages.PREFIX
        + "Partner registry > Partners round-trip > the store answers the last tier sequence and a client by name key directly\n"),
        message);
    assertTrue(message.contains("\n  the test ended with ") && message.contains("lastTierSequence is not written yet"),
        "the exception the test ended with: " + message);
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertInstanceOf(UnsupportedOperationException.class, root, "the store's exception is the root cause");
  }

  /** Runs one TCK test of {@code tck} and returns its failure; fails unless exactly that one test ran and failed. */
  private static Throwable onlyFailure(Class<? extends StoreTck> tck, List<Class<?>> between, Class<?> nested, String method) {
    List<Class<?>> enclosing = new ArrayList<>();
    enclosing.add(tck);
    enclosing.addAll(between);
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectNestedMethod(enclosing, nested, method))
        .configurationParameter(LAUNCHED_HERE, "true")
        .build();
    List<TestExecutionResult> results = Collections.synchronizedList(new ArrayList<>());
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          results.add(result);
        }
      }
    });
    assertEquals(1, results.size(), "exactly the selected test ran: " + results);
    TestExecutionResult result = results.get(0);
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), "the broken store fails the test: " + result);
    return result.getThrowable().orElseThrow();
  }

  /** Lets the broken stores' TCK classes run only when this test launches them, never in a scan of the package. */
  static final class OnlyLaunchedHere implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED_HERE).map(Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("launched by PromiseMessagesTest")
          : ConditionEvaluationResult.disabled("a deliberately broken store: PromiseMessagesTest launches it");
    }
  }

  @ExtendWith(OnlyLaunchedHere.class)
  @DisplayName("a store that ignores the expected version")
  static class VersionIgnoringTck extends StoreTck {
    @Override
    protected StoredText storedText() {
      return StoredText.reachableFrom(store);
    }

    @Override
    protected Store newStore() {
      return brokenPartners(real -> overriding(real, "update", args -> {
        PartnerRecord partner = (PartnerRecord) args[0];
        long stored = real.find(partner.id()).map(PartnerRecord::version).orElse((Long) args[1]);
        return real.update(partner, stored);
      }));
    }
  }

  @ExtendWith(OnlyLaunchedHere.class)
  @DisplayName("a store that lists in reverse order")
  static class ReversedListTck extends StoreTck {
    @Override
    protected StoredText storedText() {
      return StoredText.reachableFrom(store);
    }

    @Override
    protected Store newStore() {
      return brokenPartners(real -> overriding(real, "list", args -> {
        List<PartnerRecord> reversed = new ArrayList<>(real.list((PartnerListing) args[0]));
        Collections.reverse(reversed);
        return reversed;
      }));
    }
  }

  @ExtendWith(OnlyLaunchedHere.class)
  @DisplayName("a store with a method not written yet")
  static class UnfinishedTck extends StoreTck {
    @Override
    protected StoredText storedText() {
      return StoredText.reachableFrom(store);
    }

    @Override
    protected Store newStore() {
      return brokenPartners(real -> overriding(real, "lastTierSequence", args -> {
        throw new UnsupportedOperationException("lastTierSequence is not written yet");
      }));
    }
  }

  /** What a broken method does instead, given the call's arguments. */
  @FunctionalInterface
  private interface Body {
    Object call(Object[] args);
  }

  /** {@code real}, except that calls of the methods named {@code name} run {@code body}. */
  private static PartnerRepository overriding(PartnerRepository real, String name, Body body) {
    return (PartnerRepository) Proxy.newProxyInstance(PartnerRepository.class.getClassLoader(),
        new Class<?>[] {PartnerRepository.class}, (proxy, m, args) -> {
          if (m.getName().equals(name)) {
            return body.call(args);
          }
          return invoke(m, real, args);
        });
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A new memory store whose transactions hand out {@code partners} of their partner repository. */
  private static Store brokenPartners(UnaryOperator<PartnerRepository> partners) {
    Store inner = MemoryStorage.create();
    return new Store() {
      @Override
      public String description() {
        return "broken " + inner.description();
      }

      @Override
      public boolean durable() {
        return inner.durable();
      }

      @Override
      public <T> T read(StoreWork<T> work) {
        return inner.read(tx -> work.run(transaction(tx, partners)));
      }

      @Override
      public <T> T write(StoreWork<T> work) {
        return inner.write(tx -> work.run(transaction(tx, partners)));
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  private static StoreTransaction transaction(StoreTransaction tx, UnaryOperator<PartnerRepository> partners) {
    return new StoreTransaction() {
      @Override
      public PartnerRepository partners() {
        return partners.apply(tx.partners());
      }

      @Override
      public CertificationRepository certifications() {
        return tx.certifications();
      }

      @Override
      public RevenueRepository revenue() {
        return tx.revenue();
      }

      @Override
      public DiscountRepository discounts() {
        return tx.discounts();
      }

      @Override
      public ReviewRepository reviews() {
        return tx.reviews();
      }

      @Override
      public EventRepository events() {
        return tx.events();
      }
    };
  }
}
