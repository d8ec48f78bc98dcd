package cloud.quazzar.partner.testkit.revenue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.revenue.RevenueRow;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Currency;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;

/** {@code count} synthetic export rows, made one at a time (nothing is kept). */
final class GeneratedRows implements Iterable<RevenueRow> {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant AT = Instant.parse("2026-01-15T09:30:00Z");

  private final long count;
  private final int partners;

  GeneratedRows(long count, int partners) {
    this.count = count;
    this.partners = partners;
  }

  /** Row {@code i}: partner {@code i % partners}, a month per block of partners. */
  static RevenueRow row(long i, int partners) {
    int p = (int) (i % partners);
    YearMonth month = YearMonth.of(2000, 1).plusMonths(i / partners);
    RevenueEntry e = new RevenueEntry(new RevenueEntryId(new UUID(1, i)), new PartnerId(new UUID(0, p)), month, 1,
        EntryKind.RECORDED, Money.ofMinor(100_000 + i, USD), p % 500, p % 40, "k" + i, Optional.empty(), AT, Optional.empty());
    return new RevenueRow("Partner \"" + p + "\", Inc.", Tier.values()[p % 3], e);
  }

  @Override
  public Iterator<RevenueRow> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public RevenueRow next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        return row(next++, partners);
      }
    };
  }
}
