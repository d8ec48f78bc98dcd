package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's one retry policy, for a write transaction that lost a race with a concurrent one. Every
 * service that retries runs its write through here (the revenue ledger's recordings and
 * corrections, the tier review of each partner and the review policy change, an event listener's
 * subscription); nothing else in core retries.
 *
 * <ul>
 *   <li><b>What is retried</b>: a {@link ConflictException} of any reason ({@code DUPLICATE}: a
 *       unique key was taken by a transaction that committed after this one read; {@code
 *       STALE_VERSION}: a compare-and-set lost to one; {@code STATE}: a record read in one state
 *       was changed meanwhile) that the work did not mark as {@linkplain #decided decided}. The
 *       store rolled the transaction back, so the next attempt starts afresh, reads what the winner
 *       committed and decides again: usually it answers as a replay of the winner's result, or
 *       refuses with a precise message.
 *   <li><b>What is not</b>: a conflict core decided on from what it read ({@link #decided}: a key
 *       repeated with other figures, a caller's stale expected revision, nothing to correct): the
 *       same input would get the same answer. Nor anything that is not a conflict: bad input, an id
 *       of nothing, a storage failure (the JDBC store retries serialization failures and deadlocks
 *       itself). Nor a write that joined an enclosing write of the same thread (a host's
 *       transaction): after the conflict that transaction is unusable, so the conflict goes to the
 *       host, whose transaction rolls back as a whole.
 *   <li><b>How often</b>: {@value #MAX_ATTEMPTS} attempts in all, one right after the other (the
 *       next attempt reads the winner's committed state, so waiting gains nothing).
 *   <li><b>When they run out</b>: the last attempt's {@code ConflictException} is thrown as the
 *       store or the work raised it, with the earlier attempts' conflicts attached as suppressed.
 *   <li><b>Counting</b>: every retry adds one to the program's count ({@code
 *       Observation.conflictRetries()}, the metric {@code partner.store.retries} with {@code
 *       layer=core}).
 *   <li><b>Logging</b>: every retry at DEBUG on this class's logger: what was written, the attempt
 *       that failed, and the conflict's reason and message.
 * </ul>
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** Attempts in all (the first and up to three retries). */
  public static final int MAX_ATTEMPTS = 4;

  private Retry() {}

  /**
   * Runs {@code work} in a write transaction of {@code store}, again after a conflict, by the
   * policy above.
   *
   * @param what what the work writes, for the log (e.g. {@code "revenue correction"})
   * @throws ConflictException a decided conflict at once; any other after the last attempt
   */
  public static <T> T write(OutboxStore store, String what, StoreWork<T> work) {
    return write(store, what, work, conflict -> {});
  }

  /**
   * As {@link #write(OutboxStore, String, StoreWork)}, calling {@code diagnose} with each attempt's
   * conflict after its transaction rolled back and before it is retried or thrown: it may read the
   * store and throw a {@linkplain #decided decided} conflict that explains the failure better (it
   * is then thrown, not retried); if it returns, the policy goes on.
   */
  public static <T> T write(OutboxStore store, String what, StoreWork<T> work, Consumer<ConflictException> diagnose) {
    List<ConflictException> lost = null;
    for (int attempt = 1; ; attempt++) {
      try {
        return store.write(work);
      } catch (Decided d) {
        throw d.conflict;
      } catch (ConflictException e) {
        try {
          diagnose.accept(e);
        } catch (Decided d) {
          throw d.conflict;
        }
        if (attempt >= MAX_ATTEMPTS || store.inWrite()) {
          if (lost != null) {
            for (ConflictException earlier : lost) {
              if (earlier != e) { // a store may throw one instance again; never suppress it in itself
                e.addSuppressed(earlier);
              }
            }
          }
          throw e;
        }
        store.observation().conflictRetried(); // partner.store.retries, layer=core (OPS-12)
        LOG.debug("{}: attempt {} of {} lost to a concurrent write ({} conflict: {}); running it again", what,
            attempt, MAX_ATTEMPTS, e.reason(), e.getMessage());
        if (lost == null) {
          lost = new ArrayList<>(MAX_ATTEMPTS - 1);
        }
        lost.add(e);
      }
    }
  }

  /**
   * A conflict core decided on from what it read: thrown inside a write's work as {@code throw
   * Retry.decided(conflict)}, it rolls the transaction back and reaches the caller of {@link #write}
   * as {@code conflict} itself, never retried.
   */
  public static RuntimeException decided(ConflictException conflict) {
    return new Decided(conflict);
  }

  /** Carries a decided conflict through the store's rollback unchanged; no stack trace of its own. */
  private static final class Decided extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ConflictException conflict;

    Decided(ConflictException conflict) {
      super(conflict.getMessage(), null, false, false);
      this.conflict = conflict;
    }
  }
}
