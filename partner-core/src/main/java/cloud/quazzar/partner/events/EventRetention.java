package cloud.quazzar.partner.events;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * How much of the event log {@link DomainEvents#prune()} may delete (docs/events.md, "Retention";
 * rules EVT-9 to EVT-12). Immutable. An event may be pruned only if the policy allows it <i>and</i>
 * every listener cursor stored in the store has passed it (EVT-9); the policy only ever narrows
 * what the cursors allow:
 *
 * <ul>
 *   <li>{@link #maxAge(Duration) maxAge}: keep every event that happened ({@link DomainEvent#at()})
 *       less than this long before the program's clock; older ones may go. Pruning takes the log
 *       from its start: it stops at the first event that is young enough, so an older event after
 *       a younger one (a clock set back) waits for it.
 *   <li>{@link #keepLast(long) keepLast}: always keep at least the last {@code n} events.
 * </ul>
 *
 * <p>Both together: an event may go if it is older than the age <i>and</i> not among the last
 * {@code n}. Neither ({@link #keepAll()}, the program's default): nothing is ever pruned; retention
 * is opt-in. {@link #pruneEvery(Duration)} additionally asks the program to prune on its own timer.
 */
public final class EventRetention {
  /** The longest age and prune interval accepted: 100 years. */
  public static final Duration MAX_DURATION = Duration.ofDays(36_500);
  /** The shortest interval of a periodic pruning run. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private static final EventRetention KEEP_ALL = new EventRetention(null, -1, null);

  private final @Nullable Duration maxAge;
  /** -1: no minimum count. */
  private final long keepLast;
  private final @Nullable Duration interval;

  private EventRetention(@Nullable Duration maxAge, long keepLast, @Nullable Duration interval) {
    this.maxAge = maxAge;
    this.keepLast = keepLast;
    this.interval = interval;
  }

  /**
   * Keep every event (the default): pruning deletes nothing.
   *
   * @return the policy that keeps everything
   */
  public static EventRetention keepAll() {
    return KEEP_ALL;
  }

  /**
   * Keep the events younger than {@code maxAge}; older ones may be pruned once every cursor has
   * passed them.
   *
   * @param maxAge the age from which an event may go, above zero, at most {@link #MAX_DURATION}
   * @return the policy
   * @throws ValidationException ({@code maxAge}) if it is null, zero, negative or too long
   */
  public static EventRetention maxAge(Duration maxAge) {
    return KEEP_ALL.withMaxAge(maxAge);
  }

  /**
   * Keep at least the last {@code n} events; earlier ones may be pruned once every cursor has
   * passed them ({@code 0}: every event the cursors passed may go).
   *
   * @param n how many of the last events always stay, 0 or more
   * @return the policy
   * @throws ValidationException ({@code keepLast}) if {@code n} is negative
   */
  public static EventRetention keepLast(long n) {
    return KEEP_ALL.withKeepLast(n);
  }

  /**
   * This policy with events younger than {@code maxAge} kept.
   *
   * @param maxAge the age from which an event may go, above zero, at most {@link #MAX_DURATION}
   * @return a new policy
   * @throws ValidationException ({@code maxAge}) if it is null, zero, negative or too long
   */
  public EventRetention withMaxAge(Duration maxAge) {
    List<Violation> v = new ArrayList<>(1);
    duration(v, "maxAge", maxAge, Duration.ZERO, false);
    throwIf(v);
    return new EventRetention(maxAge, keepLast, interval);
  }

  /**
   * This policy with at least the last {@code n} events kept.
   *
   * @param n how many of the last events always stay, 0 or more
   * @return a new policy
   * @throws ValidationException ({@code keepLast}) if {@code n} is negative
   */
  public EventRetention withKeepLast(long n) {
    if (n < 0) {
      throw ValidationException.of("keepLast", "must be 0 or more, got " + n);
    }
    return new EventRetention(maxAge, n, interval);
  }

  /**
   * This policy, applied also by the program itself every {@code interval} on a daemon thread of
   * its own (first run one interval after the program was built; a failing run is logged and the
   * next one runs as planned). Without it, pruning runs only when the host calls {@link
   * DomainEvents#prune()}. A policy that keeps everything has nothing to run.
   *
   * @param interval the time between two runs, {@link #MIN_INTERVAL} to {@link #MAX_DURATION}
   * @return a new policy
   * @throws ValidationException ({@code pruneEvery}) if the interval is null or out of range, or
   *     ({@code pruneEvery}) if this policy keeps everything
   */
  public EventRetention pruneEvery(Duration interval) {
    List<Violation> v = new ArrayList<>(2);
    duration(v, "pruneEvery", interval, MIN_INTERVAL, true);
    if (keepsAll()) {
      v.add(new Violation("pruneEvery", "needs a policy that prunes something: set maxAge or keepLast first"));
    }
    throwIf(v);
    return new EventRetention(maxAge, keepLast, interval);
  }

  private static void duration(List<Violation> v, String field, @Nullable Duration d, Duration min,
      boolean minInclusive) {
    if (d == null) {
      v.add(new Violation(field, "must not be null"));
      return;
    }
    int c = d.compareTo(min);
    if (c < 0 || (c == 0 && !minInclusive) || d.compareTo(MAX_DURATION) > 0) {
      v.add(new Violation(field, "must be " + (minInclusive ? "at least " + min : "above " + min) + " and at most "
          + MAX_DURATION + ", got " + d));
    }
  }

  private static void throwIf(List<Violation> v) {
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  /**
   * The age from which an event may be pruned, if the policy has one.
   *
   * @return the maximum age kept, or empty
   */
  public Optional<Duration> maxAge() {
    return Optional.ofNullable(maxAge);
  }

  /**
   * How many of the last events always stay, if the policy says.
   *
   * @return the count kept, or empty
   */
  public OptionalLong keepLast() {
    return keepLast < 0 ? OptionalLong.empty() : OptionalLong.of(keepLast);
  }

  /**
   * The interval of the program's own pruning runs, if it has one.
   *
   * @return the interval, or empty (pruning only when the host calls it)
   */
  public Optional<Duration> pruneInterval() {
    return Optional.ofNullable(interval);
  }

  /**
   * Whether this policy keeps every event (neither an age nor a count is set).
   *
   * @return true if pruning deletes nothing under this policy
   */
  public boolean keepsAll() {
    return maxAge == null && keepLast < 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EventRetention r && Objects.equals(maxAge, r.maxAge) && keepLast == r.keepLast
        && Objects.equals(interval, r.interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAge, keepLast, interval);
  }

  @Override
  public String toString() {
    if (keepsAll()) {
      return "EventRetention[keep all]";
    }
    return "EventRetention[" + (maxAge == null ? "" : "maxAge=" + maxAge) + (maxAge != null && keepLast >= 0 ? ", " : "")
        + (keepLast < 0 ? "" : "keepLast=" + keepLast) + (interval == null ? "" : ", every " + interval) + "]";
  }
}
