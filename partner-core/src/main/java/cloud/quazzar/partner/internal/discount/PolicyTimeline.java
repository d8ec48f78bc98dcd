package cloud.quazzar.partner.internal.discount;

import cloud.quazzar.partner.discount.PolicyVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policy history as an effective-dated timeline: which version is in force on a day. Immutable
 * apart from the lazily filled cache of compiled versions (a benign race: a {@link CompiledPolicy}
 * has only final fields, so any thread sees it whole, and two threads compiling the same version
 * make equal objects).
 *
 * <p>Rule DISC-5 of {@code docs/rules.md}: a quote for a date uses the version in force on that date. Among versions
 * not cancelled and effective on or before the day, the latest effective date wins, then the
 * higher number; a version overtaken on its own first day by a higher number is never in force, so
 * it is left out here. The day look-up is a table indexed by day when the effective dates span at
 * most {@value #MAX_TABLE_DAYS} days (any realistic history: 179 years), else a binary search.
 */
final class PolicyTimeline {
  static final int MAX_TABLE_DAYS = 1 << 16;
  static final PolicyTimeline EMPTY = new PolicyTimeline(List.of());

  private final List<PolicyVersion> history;
  /** Effective days of the versions that are in force on some day, ascending, distinct. */
  private final long[] days;
  private final PolicyVersion[] inForce;
  private final @Nullable CompiledPolicy[] compiled;
  /** For day {@code days[0] + i}: the index into {@link #inForce}; null if the span is too long. */
  private final int @Nullable [] byDay;

  PolicyTimeline(List<PolicyVersion> history) {
    this.history = List.copyOf(history);
    List<PolicyVersion> live = new ArrayList<>(history.size());
    for (PolicyVersion v : history) {
      if (!v.isCancelled()) {
        live.add(v);
      }
    }
    live.sort(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparingInt(PolicyVersion::version));
    List<PolicyVersion> winners = new ArrayList<>(live.size());
    for (PolicyVersion v : live) {
      int last = winners.size() - 1;
      if (last >= 0 && winners.get(last).effectiveFrom().equals(v.effectiveFrom())) {
        winners.set(last, v); // same first day: the higher number wins
      } else {
        winners.add(v);
      }
    }
    this.inForce = winners.toArray(new PolicyVersion[0]);
    this.days = new long[inForce.length];
    for (int i = 0; i < inForce.length; i++) {
      days[i] = inForce[i].effectiveFrom().toEpochDay();
    }
    this.compiled = new CompiledPolicy[inForce.length];
    int n = days.length;
    // the days from the first effective day up to (not including) the last; empty for one version or none
    long span = n == 0 ? 0 : days[n - 1] - days[0];
    if (span <= MAX_TABLE_DAYS) {
      int[] table = new int[(int) span];
      int v = 0;
      for (int d = 0; d < table.length; d++) {
        // stays below n - 1: day d comes before the last effective day
        while (days[v + 1] - days[0] <= d) {
          v++;
        }
        table[d] = v;
      }
      this.byDay = table;
    } else {
      this.byDay = null;
    }
  }

  /** Every version ever set, by number. */
  List<PolicyVersion> history() {
    return history;
  }

  /** The index into the versions in force of the one in force on {@code epochDay}, or -1. */
  private int indexOn(long epochDay) {
    long[] d = days;
    int n = d.length;
    if (n == 0 || epochDay < d[0]) {
      return -1;
    }
    if (epochDay >= d[n - 1]) {
      return n - 1;
    }
    int[] table = byDay;
    if (table != null) {
      return table[(int) (epochDay - d[0])];
    }
    int i = Arrays.binarySearch(d, epochDay);
    return i >= 0 ? i : -i - 2;
  }

  /** The version in force on {@code epochDay}, if any. */
  @Nullable PolicyVersion versionOn(long epochDay) {
    int i = indexOn(epochDay);
    return i < 0 ? null : inForce[i];
  }

  /** The compiled version in force on {@code epochDay}, if any; compiled on first use. */
  @Nullable CompiledPolicy compiledOn(long epochDay) {
    int i = indexOn(epochDay);
    if (i < 0) {
      return null;
    }
    CompiledPolicy c = compiled[i];
    if (c == null) {
      c = new CompiledPolicy(inForce[i]);
      compiled[i] = c;
    }
    return c;
  }

  /** The first day any version is in force, if any. */
  @Nullable Long firstDay() {
    return days.length == 0 ? null : days[0];
  }
}
