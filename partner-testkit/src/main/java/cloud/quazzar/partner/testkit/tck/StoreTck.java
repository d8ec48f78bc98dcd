package cloud.quazzar.partner.testkit.tck;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.SequentialIds;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage conformance kit (TCK). A store proves it implements the SPI contract by a test class
 * that extends this one and implements {@link #newStore()}:
 *
 * <pre>{@code
 * class MyStoreTckTest extends StoreTck {
 *   @Override
 *   protected Store newStore() {
 *     return new MyStorageProvider().open(StorageSettings.provider("my-store").with("my.database", freshDatabase()));
 *   }
 *
 *   @Override
 *   protected StoredText storedText() {
 *     return StoredText.ofDatabase(this::connectToTheSameDatabase, "my_schema");
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a new, empty store and closes it afterwards. This class only assembles the
 * contracts: each capability keeps its cases in its own abstract class, mounted here as one {@link
 * Nested} group that hands it this test's {@link #context()}:
 *
 * <ul>
 *   <li>"Partner registry" ({@link RegistryContract}), "Certifications" ({@link
 *       CertificationContract}), "Revenue ledger" ({@link RevenueContract}), "Discount policies"
 *       ({@link DiscountContract}), "Tier reviews" ({@link ReviewContract}), "Domain events"
 *       ({@link EventContract}), "Event-log retention" ({@link RetentionContract}), "Personal data" ({@link PrivacyContract}): one capability each, through its public service and through the
 *       SPI directly;
 *   <li>"Bad input" ({@link BadInputContract}), "Text verbatim" ({@link VerbatimTextContract}),
 *       "Unicode text" ({@link UnicodeTextContract}) and "Portal isolation" ({@link
 *       PortalContract}): across all capabilities.
 * </ul>
 *
 * <p>A store may add its own tests beside them, using {@link #store}, {@link #clock} and {@link
 * #program}.
 */
@ExtendWith(PromiseMessages.class)
public abstract class StoreTck {
  /** When the test clock starts: 2026-01-15T09:30:00.123456Z (microseconds on purpose). */
  protected static final Instant START = Instant.parse("2026-01-15T09:30:00.123456Z");

  /**
   * A new, empty store for one test. The TCK closes it after the test.
   *
   * @return a new, empty, open store
   */
  protected abstract Store newStore();

  /**
   * Every value {@link #store} holds, as text, for the privacy contract's search for erased values
   * (docs/rules.md PRIV-2): it must reach every table or collection the store keeps, including
   * history, the event log and audit entries. Called after {@link #newStore()}, possibly several
   * times in a test. {@link StoredText#ofDatabase} serves a JDBC store, {@link
   * StoredText#reachableFrom} a store that keeps its data in objects.
   *
   * @return the search over this test's store
   */
  protected abstract StoredText storedText();

  /**
   * A second way into {@link #store}'s data, for the contracts that run two programs as two nodes
   * of one host would (event listeners sharing a name, concurrent status sweeps, discount freshness
   * and tier reviews across nodes): by default {@link #store} itself. A store whose data several
   * servers hold (a database cluster) returns a store on the same data through another server, so
   * that those programs each talk to a different one. Called at most once per test, after {@link
   * #newStore()}; a store other than {@link #store} is closed by the TCK after the test.
   *
   * @return a store on the same data as {@link #store}
   */
  protected Store otherNode() {
    return store;
  }

  /**
   * How many examples the property tests of this TCK try; a slow store may lower it.
   *
   * @return the number of examples per property, 1 or more
   */
  protected int propertyExamples() {
    return 30;
  }

  /** This test's store, from {@link #newStore()}. */
  protected Store store;
  private @Nullable Store otherNode;
  /** This test's clock, at {@link #START} when the test begins. */
  protected TestClock clock;
  /** A program on {@link #store} with {@link #clock} and sequential ids. */
  protected PartnerProgram program;

  @BeforeEach
  void openStore() {
    store = newStore();
    clock = TestClock.at(START);
    program = PartnerProgram.builder().clock(clock).idGenerator(new SequentialIds(0x7C4L)).store(store).build();
  }

  @AfterEach
  void closeStore() {
    if (program != null) {
      program.close();
    }
    if (otherNode != null && otherNode != store) {
      otherNode.close();
    }
    otherNode = null;
    if (store != null) {
      store.close();
    }
  }

  /** {@link #otherNode()}, opened on first use in a test. */
  private Store peer() {
    if (otherNode == null) {
      otherNode = otherNode();
    }
    return otherNode;
  }

  /**
   * This test's store, clock and program, for the contracts mounted as nested classes.
   *
   * @return the running test's context
   */
  protected TckContext context() {
    return new TckContext(store, clock, program, storedText(), this::peer);
  }

  @Nested
  @DisplayName("Partner registry")
  class Registry extends RegistryContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }

    @Override
    protected int examples() {
      return propertyExamples();
    }
  }

  @Nested
  @DisplayName("Partner lists")
  class Lists extends ListingContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Certifications")
  class Certifications extends CertificationContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Revenue ledger")
  class Revenue extends RevenueContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Discount policies")
  class Discounts extends DiscountContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Tier reviews")
  class Reviews extends ReviewContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Domain events")
  class Events extends EventContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Event-log retention")
  class Retention extends RetentionContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }

    @Override
    protected int examples() {
      return Math.max(5, propertyExamples() / 3);
    }
  }

  @Nested
  @DisplayName("Personal data")
  class Privacy extends PrivacyContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Bad input")
  class BadInput extends BadInputContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Text verbatim")
  class VerbatimText extends VerbatimTextContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }
  }

  @Nested
  @DisplayName("Unicode text")
  class UnicodeText extends UnicodeTextContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }

    @Override
    protected int examples() {
      return Math.max(5, propertyExamples() * 2 / 3);
    }
  }

  @Nested
  @DisplayName("Portal isolation")
  class Portal extends PortalContract {
    @Override
    protected TckContext context() {
      return StoreTck.this.context();
    }

    @Override
    protected int examples() {
      return Math.max(5, propertyExamples() / 3);
    }
  }
}
