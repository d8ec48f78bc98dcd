package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.RevenueEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of the partners list as a store reads it ({@link PartnerRepository#list}): the filters,
 * the order, where the previous page ended and how many rows to return. Core builds it from a
 * {@link cloud.quazzar.partner.registry.PartnerQuery}, its search texts already turned into keys,
 * its certification statuses into expiry-date ranges (the program's thresholds on the program's
 * date) and its page token into a {@link Position}; a store only filters, orders and counts.
 *
 * <p>The rules, which {@link #matches}, {@link #order} and {@link #isAfter} state in Java over a
 * {@link Row} (a partner row with its aggregates) for stores that filter in memory (a SQL store
 * states them in its query):
 *
 * <ul>
 *   <li>A row matches when its tier is in {@code tiers} (or {@code tiers} is empty), its status
 *       in {@code statuses} (or empty), its name key starts with {@code nameKeyPrefix} and
 *       contains {@code nameKeyContains} (each if present; plain character comparison of the
 *       keys), and its contact email, with the ASCII letters {@code A-Z} lower-cased and nothing
 *       else changed, contains {@code emailContains} (given in that form already).
 *   <li>And, for the filters on aggregates: with {@code certificationExpiries} not empty, the
 *       partner has a current certification ({@link
 *       cloud.quazzar.partner.certification.CertificationState#CURRENT}) whose expiry date lies in
 *       one of the ranges; its server count (the sum of its clients' server counts) lies in {@code
 *       serverCounts} and its client count (their number) in {@code clientCounts}; with {@code mrr}
 *       present, the partner's current ledger entry (its highest revision) of {@code mrr.month()}
 *       is in {@code mrr.currency()} and its MRR lies in the range; with {@code sortMrr} present
 *       (sorting by {@link PartnerSort#MRR}), the partner has a current entry of {@code
 *       sortMrr.month()} in {@code sortMrr.currency()}. How a store keeps the counts is its own
 *       business (the JDBC store keeps running totals, decision L2 of docs/decisions.md), as long as
 *       they equal the sums over the clients the transaction sees.
 *   <li>The order: by {@code sort}'s key ({@link PartnerSort#NAME}: name key; {@code CREATED}:
 *       created time, then name key; {@code TIER}: tier rank, then name key; {@code SERVER_COUNT}
 *       and {@code CLIENT_COUNT}: that count, then name key; {@code MRR}: the MRR of the current
 *       entry of {@code sortMrr}, then partner id by {@link #PARTNER_ID_ORDER}), ascending or, with
 *       {@link SortDirection#DESCENDING}, every part descending. Name keys compare by code point
 *       ({@link Names#KEY_ORDER}, docs/rules.md TEXT-3); they are unique, so the order is total.
 *   <li>With {@code after} present, only rows strictly after that position in the order are
 *       returned. The position's row may no longer exist or may have changed since: the
 *       comparison uses the position's values, never a look-up.
 * </ul>
 *
 * <p>Throws {@link ValidationException} listing each problem: a component null or holding null, a
 * search text empty, {@code sortMrr} present without the MRR sort or missing with it, a position
 * of an MRR listing without an MRR in {@code sortMrr}'s currency, a limit below 1.
 *
 * @param tiers the tiers to include; empty for all
 * @param statuses the statuses to include; empty for all
 * @param nameKeyPrefix what the name key must start with, if present (a key, not empty)
 * @param nameKeyContains what the name key must contain, if present (a key, not empty)
 * @param emailContains what the contact email, ASCII letters lower-cased, must contain, if present
 * @param certificationExpiries the partner must have a current certification expiring in one of
 *     these ranges; empty for no certification filter
 * @param serverCounts the range the partner's server count must lie in
 * @param clientCounts the range the partner's client count must lie in
 * @param mrr the range the MRR of the partner's current entry of a month must lie in, if present
 * @param sort the sort key
 * @param direction the direction of every part of the order
 * @param sortMrr the month and currency of the {@link PartnerSort#MRR} sort; present exactly with
 *     it
 * @param after where the previous page ended; empty for the first page
 * @param limit the most rows to return, 1 or more
 */
public record PartnerListing(
    Set<Tier> tiers,
    Set<PartnerStatus> statuses,
    Optional<String> nameKeyPrefix,
    Optional<String> nameKeyContains,
    Optional<String> emailContains,
    List<ExpiryRange> certificationExpiries,
    CountRange serverCounts,
    CountRange clientCounts,
    Optional<MrrRange> mrr,
    PartnerSort sort,
    SortDirection direction,
    Optional<MrrMonth> sortMrr,
    Optional<Position> after,
    int limit) {

  /**
   * Partner ids in the order of their text form: the 128 bits compared unsigned, most significant
   * first (PostgreSQL's {@code uuid} order; {@link UUID#compareTo} compares signed and differs).
   */
  public static final Comparator<PartnerId> PARTNER_ID_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
  };

  /**
   * An inclusive range of expiry dates, open at an end that is empty.
   *
   * <p>Throws {@link ValidationException} naming a component that is null, or {@code to} if it is
   * before {@code from}.
   *
   * @param from the first expiry date in the range; empty for no lower end
   * @param to the last expiry date in the range; empty for no upper end
   */
  public record ExpiryRange(Optional<LocalDate> from, Optional<LocalDate> to) {
    /**
     * Checks the components.
     *
     * @param from the first expiry date in the range; empty for no lower end
     * @param to the last expiry date in the range; empty for no upper end
     * @throws ValidationException naming each component that is null or out of order
     */
    public ExpiryRange {
      List<Violation> violations = new ArrayList<>(0);
      required("from", from, violations);
      required("to", to, violations);
      if (from != null && to != null && from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
        violations.add(new Violation("to", "must not be before from (" + from.get() + "), got " + to.get()));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }

    /**
     * Whether {@code date} lies in the range.
     *
     * @param date an expiry date
     * @return true if it lies in the range
     */
    public boolean contains(LocalDate date) {
      return from.map(f -> !date.isBefore(f)).orElse(true) && to.map(t -> !date.isAfter(t)).orElse(true);
    }
  }

  /**
   * An inclusive range of counts, open at an end that is empty.
   *
   * <p>Throws {@link ValidationException} naming a component that is null or negative, or {@code
   * max} if it is below {@code min}.
   *
   * @param min the smallest count in the range, 0 or more; empty for no lower end
   * @param max the largest count in the range, {@code min} or more; empty for no upper end
   */
  public record CountRange(OptionalLong min, OptionalLong max) {
    /** Every count. */
    public static final CountRange ANY = new CountRange(OptionalLong.empty(), OptionalLong.empty());

    /**
     * Checks the components.
     *
     * @param min the smallest count in the range, 0 or more; empty for no lower end
     * @param max the largest count in the range, {@code min} or more; empty for no upper end
     * @throws ValidationException naming each component that is null or out of range
     */
    public CountRange {
      List<Violation> violations = new ArrayList<>(0);
      required("min", min, violations);
      required("max", max, violations);
      if (min != null && min.isPresent() && min.getAsLong() < 0) {
        violations.add(new Violation("min", "must be 0 or more, got " + min.getAsLong()));
      }
      if (max != null && max.isPresent() && max.getAsLong() < 0) {
        violations.add(new Violation("max", "must be 0 or more, got " + max.getAsLong()));
      }
      if (min != null && max != null && min.isPresent() && max.isPresent() && max.getAsLong() < min.getAsLong()) {
        violations.add(new Violation("max", "must not be below min (" + min.getAsLong() + "), got " + max.getAsLong()));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }

    /**
     * Whether {@code count} lies in the range.
     *
     * @param count a count
     * @return true if it lies in the range
     */
    public boolean contains(long count) {
      return (min.isEmpty() || count >= min.getAsLong()) && (max.isEmpty() || count <= max.getAsLong());
    }

    /**
     * Whether the range holds every count (no filter).
     *
     * @return true if both ends are open
     */
    public boolean isAny() {
      return min.isEmpty() && max.isEmpty();
    }
  }

  /**
   * The ledger entries of one month in one currency: what the MRR sort orders by.
   *
   * <p>Throws {@link ValidationException} naming each component that is null.
   *
   * @param month the month
   * @param currency the currency
   */
  public record MrrMonth(YearMonth month, Currency currency) {
    /**
     * Checks the components.
     *
     * @param month the month
     * @param currency the currency
     * @throws ValidationException naming each component that is null
     */
    public MrrMonth {
      List<Violation> violations = new ArrayList<>(0);
      required("month", month, violations);
      required("currency", currency, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }
  }

  /**
   * The MRR filter: the partner's current entry (highest revision) of {@code month} must be in
   * {@code currency}, with an MRR from {@code min} to {@code max} (both included, either end
   * open).
   *
   * <p>Throws {@link ValidationException} listing each problem: a component null, a bound negative
   * or in another currency, {@code max} below {@code min}.
   *
   * @param month the month
   * @param currency the currency of the entries that match
   * @param min the smallest MRR, in {@code currency}, 0 or more; empty for no lower end
   * @param max the largest MRR, in {@code currency}, not below {@code min}; empty for no upper end
   */
  public record MrrRange(YearMonth month, Currency currency, Optional<Money> min, Optional<Money> max) {
    /**
     * Checks the components.
     *
     * @param month the month
     * @param currency the currency of the entries that match
     * @param min the smallest MRR, 0 or more; empty for no lower end
     * @param max the largest MRR, not below {@code min}; empty for no upper end
     * @throws ValidationException naming each component that is null or out of range
     */
    public MrrRange {
      List<Violation> violations = new ArrayList<>(0);
      required("month", month, violations);
      required("currency", currency, violations);
      required("min", min, violations);
      required("max", max, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      for (var bound : List.of(Map.entry("min", min), Map.entry("max", max))) {
        bound.getValue().ifPresent(m -> {
          if (!m.hasCurrency(currency)) {
            violations.add(new Violation(bound.getKey(), "must be in " + currency + ", got " + m));
          } else if (m.isNegative()) {
            violations.add(new Violation(bound.getKey(), "must be 0 or more, got " + m));
          }
        });
      }
      if (violations.isEmpty() && min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) < 0) {
        violations.add(new Violation("max", "must not be below min (" + min.get() + "), got " + max.get()));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }

    /**
     * Whether a current entry's MRR matches: in {@link #currency()} and in the range.
     *
     * @param entryMrr the MRR of the partner's current entry of {@link #month()}
     * @return true if it matches
     */
    public boolean contains(Money entryMrr) {
      return entryMrr.hasCurrency(currency)
          && min.map(m -> entryMrr.compareTo(m) >= 0).orElse(true)
          && max.map(m -> entryMrr.compareTo(m) <= 0).orElse(true);
    }
  }

  /**
   * A partner row with the aggregates the listing's rules read, for stores that filter in memory:
   * what {@link PartnerListing#matches}, {@link PartnerListing#order} and {@link
   * PartnerListing#isAfter} compare. {@link PartnerListing#rowOf(PartnerRecord, StoreTransaction)}
   * makes one through a transaction's repositories, {@link PartnerListing#rowOf(PartnerRecord,
   * Collection, Collection, Collection)} from plain collections.
   *
   * <p>Throws {@link ValidationException} naming each component that is null or holds null.
   *
   * @param partner the partner row
   * @param totals the partner's client totals (REG-3)
   * @param currentExpiryDates the expiry dates of the partner's current certifications (in any
   *     order, repeats allowed)
   * @param currentMrr the MRR of the partner's current entry (highest revision) of each month the
   *     listing reads ({@link PartnerListing#months()}); a month without entries is left out
   */
  public record Row(PartnerRecord partner, ClientTotals totals, List<LocalDate> currentExpiryDates,
      Map<YearMonth, Money> currentMrr) {
    /**
     * Checks the components.
     *
     * @param partner the partner row
     * @param totals the partner's client totals
     * @param currentExpiryDates the expiry dates of the partner's current certifications
     * @param currentMrr the MRR of the partner's current entry of each month read
     * @throws ValidationException naming each component that is null or holds null
     */
    public Row {
      List<Violation> violations = new ArrayList<>(0);
      required("partner", partner, violations);
      required("totals", totals, violations);
      if (currentExpiryDates == null || currentExpiryDates.stream().anyMatch(Objects::isNull)) {
        violations.add(new Violation("currentExpiryDates", "must not be null or hold null"));
      }
      if (currentMrr == null || currentMrr.entrySet().stream()
          .anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
        violations.add(new Violation("currentMrr", "must not be null or hold null"));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      currentExpiryDates = List.copyOf(currentExpiryDates);
      currentMrr = Map.copyOf(currentMrr);
    }
  }

  /**
   * A row's place in the order: the values of the last row of a page, which the next page starts
   * after. It holds what every order needs; an order reads only its own parts.
   *
   * <p>Throws {@link ValidationException} naming each component that is null or negative.
   *
   * @param nameKey the row's name key
   * @param createdAt when the row's partner was added
   * @param tier the row's tier
   * @param serverCount the partner's server count (REG-3), 0 or more
   * @param clientCount the partner's client count (REG-3), 0 or more
   * @param mrr the MRR of the partner's current entry of the listing's {@code sortMrr}; present in
   *     the positions of {@link PartnerSort#MRR} listings, empty otherwise
   * @param partnerId the row's partner id
   */
  public record Position(String nameKey, Instant createdAt, Tier tier, long serverCount, long clientCount,
      Optional<Money> mrr, PartnerId partnerId) {
    /**
     * Checks the components.
     *
     * @param nameKey the row's name key
     * @param createdAt when the row's partner was added
     * @param tier the row's tier
     * @param serverCount the partner's server count, 0 or more
     * @param clientCount the partner's client count, 0 or more
     * @param mrr the MRR the MRR order compares; empty for the other orders
     * @param partnerId the row's partner id
     * @throws ValidationException naming each component that is null or negative
     */
    public Position {
      List<Violation> violations = new ArrayList<>(0);
      required("nameKey", nameKey, violations);
      required("createdAt", createdAt, violations);
      required("tier", tier, violations);
      if (serverCount < 0) {
        violations.add(new Violation("serverCount", "must be 0 or more, got " + serverCount));
      }
      if (clientCount < 0) {
        violations.add(new Violation("clientCount", "must be 0 or more, got " + clientCount));
      }
      required("mrr", mrr, violations);
      required("partnerId", partnerId, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }

    /**
     * The position of a partner row with its totals and, for an MRR listing, its MRR.
     *
     * @param row a partner row
     * @param totals its client totals
     * @param mrr the MRR of its current entry of the listing's {@code sortMrr}; empty unless the
     *     listing is sorted by MRR
     * @return its values
     */
    public static Position of(PartnerRecord row, ClientTotals totals, Optional<Money> mrr) {
      return new Position(row.nameKey(), row.createdAt(), row.tier(), totals.serverCount(), totals.clientCount(), mrr,
          row.id());
    }
  }

  /**
   * A listing by the partner's own columns only (no filter on aggregates, not sorted by MRR).
   *
   * @param tiers the tiers to include; empty for all
   * @param statuses the statuses to include; empty for all
   * @param nameKeyPrefix what the name key must start with, if present
   * @param nameKeyContains what the name key must contain, if present
   * @param emailContains what the lower-cased contact email must contain, if present
   * @param sort the sort key
   * @param direction the direction
   * @param after where the previous page ended; empty for the first page
   * @param limit the most rows to return
   * @throws ValidationException as the canonical constructor does, and if {@code sort} is {@link
   *     PartnerSort#MRR} (which needs a month and currency)
   */
  public PartnerListing(Set<Tier> tiers, Set<PartnerStatus> statuses, Optional<String> nameKeyPrefix,
      Optional<String> nameKeyContains, Optional<String> emailContains, PartnerSort sort, SortDirection direction,
      Optional<Position> after, int limit) {
    this(tiers, statuses, nameKeyPrefix, nameKeyContains, emailContains, List.of(), CountRange.ANY, CountRange.ANY,
        Optional.empty(), sort, direction, Optional.empty(), after, limit);
  }

  /**
   * Checks the components; core makes listings, a store receives them.
   *
   * @param tiers the tiers to include; empty for all
   * @param statuses the statuses to include; empty for all
   * @param nameKeyPrefix what the name key must start with, if present
   * @param nameKeyContains what the name key must contain, if present
   * @param emailContains what the lower-cased contact email must contain, if present
   * @param certificationExpiries the expiry ranges of which a current certification must lie in
   *     one; empty for no certification filter
   * @param serverCounts the range of the server count
   * @param clientCounts the range of the client count
   * @param mrr the MRR filter, if present
   * @param sort the sort key
   * @param direction the direction
   * @param sortMrr the month and currency of the MRR sort; present exactly when sorting by MRR
   * @param after where the previous page ended; empty for the first page
   * @param limit the most rows to return
   * @throws ValidationException naming each component that is null or holds null, a search text
   *     that is empty, {@code sortMrr} present without the MRR sort or missing with it, a position
   *     of an MRR listing without an MRR in {@code sortMrr}'s currency, and a limit below 1
   */
  public PartnerListing {
    List<Violation> violations = new ArrayList<>(0);
    required("tiers", tiers, violations);
    required("statuses", statuses, violations);
    search("nameKeyPrefix", nameKeyPrefix, violations);
    search("nameKeyContains", nameKeyContains, violations);
    search("emailContains", emailContains, violations);
    if (certificationExpiries == null || certificationExpiries.stream().anyMatch(Objects::isNull)) {
      violations.add(new Violation("certificationExpiries", "must not be null or hold null"));
    }
    required("serverCounts", serverCounts, violations);
    required("clientCounts", clientCounts, violations);
    required("mrr", mrr, violations);
    required("sort", sort, violations);
    required("direction", direction, violations);
    required("sortMrr", sortMrr, violations);
    required("after", after, violations);
    if (limit < 1) {
      violations.add(new Violation("limit", "must be 1 or more, got " + limit));
    }
    if (sort != null && sortMrr != null && (sort == PartnerSort.MRR) != sortMrr.isPresent()) {
      violations.add(new Violation("sortMrr", sort == PartnerSort.MRR
          ? "must be present to sort by MRR (the month and currency whose MRR orders the list)"
          : "must be empty unless sorting by MRR, got " + sortMrr.get() + " with sort " + sort));
    }
    if (sortMrr != null && after != null && sortMrr.isPresent() && after.isPresent()
        && !after.get().mrr().map(m -> m.hasCurrency(sortMrr.get().currency())).orElse(false)) {
      violations.add(new Violation("after", "must hold the MRR of its row in " + sortMrr.get().currency()
          + " for a listing sorted by MRR, got " + after.get().mrr()));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = Set.copyOf(tiers);
    statuses = Set.copyOf(statuses);
    certificationExpiries = List.copyOf(certificationExpiries);
  }

  private static void required(String field, @Nullable Object value, List<Violation> violations) {
    if (value == null || (value instanceof Set<?> set && set.stream().anyMatch(Objects::isNull))) {
      violations.add(new Violation(field, "must not be null or hold null"));
    }
  }

  // the record's own component, which a caller may pass as null: checked like the others
  @SuppressWarnings("NullableOptional")
  private static void search(String field, @Nullable Optional<String> text, List<Violation> violations) {
    if (text == null || text.filter(String::isEmpty).isPresent()) {
      violations.add(new Violation(field, "must not be null or an empty text; empty for no search"));
    }
  }

  /**
   * {@code email} with the ASCII letters {@code A-Z} lower-cased and nothing else changed: the
   * form {@code emailContains} is compared with.
   *
   * @param email an email or a part of one
   * @return its ASCII-lower-cased form
   */
  public static String asciiLowerCase(String email) {
    char[] out = null;
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = email.toCharArray();
        }
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return out == null ? email : new String(out);
  }

  /**
   * The months whose current entries the listing reads: the MRR filter's and the MRR sort's.
   *
   * @return the months, each once, in order
   */
  public Set<YearMonth> months() {
    Set<YearMonth> out = new TreeSet<>();
    mrr.ifPresent(m -> out.add(m.month()));
    sortMrr.ifPresent(m -> out.add(m.month()));
    return out;
  }

  /**
   * Whether the listing reads the partners' client totals: it filters or sorts by a count.
   *
   * @return true if {@link #matches} or {@link #order} read {@link Row#totals()}
   */
  public boolean readsTotals() {
    return !serverCounts.isAny() || !clientCounts.isAny() || sort == PartnerSort.SERVER_COUNT
        || sort == PartnerSort.CLIENT_COUNT;
  }

  /**
   * The row of {@code partner} with the aggregates this listing reads, through {@code tx}'s
   * repositories: its client totals ({@link PartnerRepository#clientTotals(PartnerId)}) if it
   * {@linkplain #readsTotals reads them}, else {@link ClientTotals#NONE}; the expiry dates of its
   * current certifications ({@link CertificationRepository#byPartner}) if it filters by
   * certification, else none; and its current entry of each of {@link #months()} ({@link
   * RevenueRepository#current}). For stores that filter in memory.
   *
   * @param partner a partner row
   * @param tx the transaction the listing is read in
   * @return the row
   */
  public Row rowOf(PartnerRecord partner, StoreTransaction tx) {
    ClientTotals totals = readsTotals() ? tx.partners().clientTotals(partner.id()) : ClientTotals.NONE;
    List<LocalDate> expiries = new ArrayList<>(0);
    if (!certificationExpiries.isEmpty()) {
      for (CertificationRecord r : tx.certifications().byPartner(partner.id())) {
        if (r.certification().isCurrent()) {
          expiries.add(r.certification().expiryDate());
        }
      }
    }
    Map<YearMonth, Money> current = new HashMap<>();
    for (YearMonth month : months()) {
      for (RevenueEntry e : tx.revenue().current(partner.id(), month, month)) {
        current.put(e.month(), e.mrr());
      }
    }
    return new Row(partner, totals, expiries, current);
  }

  /**
   * The row of {@code partner} from the records given: its totals over {@code clients}, the expiry
   * dates of the current ones of {@code certifications}, and the MRR of the highest revision of
   * each month of {@code entries}. Records of other partners are left out; every aggregate is
   * filled in, whatever the listing reads. For stores that keep their records in plain collections.
   *
   * @param partner a partner row
   * @param clients clients (the partner's are summed)
   * @param certifications certification records (the partner's current ones count)
   * @param entries ledger entries (the partner's current entry of each month counts)
   * @return the row
   */
  public static Row rowOf(PartnerRecord partner, Collection<Client> clients,
      Collection<CertificationRecord> certifications, Collection<RevenueEntry> entries) {
    long servers = 0;
    long count = 0;
    for (Client c : clients) {
      if (c.partnerId().equals(partner.id())) {
        servers += c.serverCount();
        count++;
      }
    }
    List<LocalDate> expiries = new ArrayList<>(0);
    for (CertificationRecord r : certifications) {
      if (r.certification().partnerId().equals(partner.id()) && r.certification().isCurrent()) {
        expiries.add(r.certification().expiryDate());
      }
    }
    Map<YearMonth, RevenueEntry> latest = new HashMap<>();
    for (RevenueEntry e : entries) {
      if (e.partnerId().equals(partner.id())) {
        latest.merge(e.month(), e, (a, b) -> a.revision() >= b.revision() ? a : b);
      }
    }
    Map<YearMonth, Money> current = new HashMap<>();
    latest.forEach((month, e) -> current.put(month, e.mrr()));
    return new Row(partner, count == 0 ? ClientTotals.NONE : new ClientTotals(servers, count), expiries, current);
  }

  /**
   * The MRR of {@code row}'s current entry of {@code sortMrr}, if it has one in that currency.
   *
   * @param row a row
   * @return its MRR for the MRR order; empty without the MRR sort or without such an entry
   */
  public Optional<Money> sortMrrOf(Row row) {
    return sortMrr.flatMap(s -> Optional.ofNullable(row.currentMrr().get(s.month()))
        .filter(m -> m.hasCurrency(s.currency())));
  }

  /**
   * The position of {@code row} in this listing.
   *
   * @param row a row
   * @return its values, with its MRR for the MRR order
   */
  public Position positionOf(Row row) {
    return Position.of(row.partner(), row.totals(), sortMrrOf(row));
  }

  /**
   * Whether {@code row} passes the filters (its position aside).
   *
   * @param row a partner row with its aggregates
   * @return true if it matches
   */
  public boolean matches(Row row) {
    PartnerRecord p = row.partner();
    return (tiers.isEmpty() || tiers.contains(p.tier()))
        && (statuses.isEmpty() || statuses.contains(p.status()))
        && nameKeyPrefix.map(p.nameKey()::startsWith).orElse(true)
        && nameKeyContains.map(p.nameKey()::contains).orElse(true)
        && emailContains.map(asciiLowerCase(p.contactEmail())::contains).orElse(true)
        && (certificationExpiries.isEmpty() || row.currentExpiryDates().stream()
            .anyMatch(d -> certificationExpiries.stream().anyMatch(r -> r.contains(d))))
        && serverCounts.contains(row.totals().serverCount())
        && clientCounts.contains(row.totals().clientCount())
        && mrr.map(m -> Optional.ofNullable(row.currentMrr().get(m.month())).filter(m::contains).isPresent())
            .orElse(true)
        && (sortMrr.isEmpty() || sortMrrOf(row).isPresent());
  }

  /**
   * The listing's order, direction included.
   *
   * @return a comparator of rows
   */
  public Comparator<Row> order() {
    Comparator<Position> positions = positionOrder();
    return (a, b) -> positions.compare(positionOf(a), positionOf(b));
  }

  /**
   * Whether {@code row} comes strictly after {@link #after} in the order (true for every row on
   * the first page).
   *
   * @param row a partner row with its aggregates
   * @return true if the row belongs after the previous page
   */
  public boolean isAfter(Row row) {
    return after.map(a -> positionOrder().compare(positionOf(row), a) > 0).orElse(true);
  }

  private Comparator<Position> positionOrder() {
    Comparator<Position> byName = Comparator.comparing(Position::nameKey, Names.KEY_ORDER);
    Comparator<Position> ascending = switch (sort) {
      case NAME -> byName;
      case CREATED -> Comparator.comparing(Position::createdAt).thenComparing(byName);
      case TIER -> Comparator.comparing(Position::tier).thenComparing(byName);
      case SERVER_COUNT -> Comparator.comparingLong(Position::serverCount).thenComparing(byName);
      case CLIENT_COUNT -> Comparator.comparingLong(Position::clientCount).thenComparing(byName);
      case MRR -> Comparator.comparingLong((Position p) -> p.mrr().map(Money::minorUnits).orElse(Long.MIN_VALUE))
          .thenComparing(Position::partnerId, PARTNER_ID_ORDER);
    };
    return direction == SortDirection.ASCENDING ? ascending : ascending.reversed();
  }
}
