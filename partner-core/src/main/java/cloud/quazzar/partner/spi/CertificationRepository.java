package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a store must do for certifications. Only persistence: core has validated every value and
 * computes every status; the store filters by expiry date and by the reported status core gave it.
 * All methods act inside the enclosing transaction. Whole lists come in no particular order (core
 * sorts); the three pages (docs/rules.md LIST-4: {@link #current(PartnerId, Optional, int)}, {@link
 * #history(PartnerId, Optional, int)}, {@link #currentExpiringBetween(LocalDate, LocalDate,
 * Optional, int)}) come in their list's order, which each position record states and compares by.
 *
 * <p>"Current" means {@link CertificationState#CURRENT}. A database should index current records
 * by expiry date (the warning board and the sweep ask for expiry ranges) so that neither scans
 * every row, and index each page's order so that a page seeks to its position instead of reading
 * the rows before it.
 */
public interface CertificationRepository {

  /**
   * A place in the order of a partner's current certifications (docs/rules.md LIST-4): by expiry
   * date, then name key ({@link Names#key} of the name, by code point: {@link Names#KEY_ORDER}),
   * then id (in the order of the ids' text, which is PostgreSQL's uuid order: unsigned, most
   * significant half first). Ids are unique, so the order is total. The values of the last record
   * of a page, which the next page starts after.
   *
   * <p>Throws {@link ValidationException} naming each component that is null.
   *
   * @param expiryDate the record's expiry date
   * @param nameKey the key of the record's name
   * @param id the record's id
   */
  record CurrentPosition(LocalDate expiryDate, String nameKey, CertificationId id)
      implements Comparable<CurrentPosition> {
    /**
     * Checks the components.
     *
     * @param expiryDate the record's expiry date
     * @param nameKey the key of the record's name
     * @param id the record's id
     * @throws ValidationException naming each component that is null
     */
    public CurrentPosition {
      required("expiryDate", expiryDate, "nameKey", nameKey, "id", id);
    }

    /**
     * The position of {@code c}.
     *
     * @param c a certification
     * @return its expiry date, name key and id
     */
    public static CurrentPosition of(Certification c) {
      return new CurrentPosition(c.expiryDate(), Names.key(c.name()), c.id());
    }

    /**
     * Compares by expiry date, then name key by code point, then id by its text.
     *
     * @param o another position
     * @return negative, 0 or positive as this position comes before, at or after {@code o}
     */
    @Override
    public int compareTo(CurrentPosition o) {
      int c = expiryDate.compareTo(o.expiryDate);
      if (c == 0) {
        c = Names.KEY_ORDER.compare(nameKey, o.nameKey);
      }
      return c != 0 ? c : compareIds(id.value(), o.id.value());
    }
  }

  /**
   * A place in the order of a partner's certification history (docs/rules.md LIST-4): by creation
   * time, then id (by its text, as in {@link CurrentPosition}); total, as ids are unique.
   *
   * <p>Throws {@link ValidationException} naming each component that is null.
   *
   * @param createdAt when the record was added
   * @param id the record's id
   */
  record HistoryPosition(Instant createdAt, CertificationId id) implements Comparable<HistoryPosition> {
    /**
     * Checks the components.
     *
     * @param createdAt when the record was added
     * @param id the record's id
     * @throws ValidationException naming each component that is null
     */
    public HistoryPosition {
      required("createdAt", createdAt, "id", id);
    }

    /**
     * The position of {@code c}.
     *
     * @param c a certification
     * @return its creation time and id
     */
    public static HistoryPosition of(Certification c) {
      return new HistoryPosition(c.createdAt(), c.id());
    }

    /**
     * Compares by creation time, then id by its text.
     *
     * @param o another position
     * @return negative, 0 or positive as this position comes before, at or after {@code o}
     */
    @Override
    public int compareTo(HistoryPosition o) {
      int c = createdAt.compareTo(o.createdAt);
      return c != 0 ? c : compareIds(id.value(), o.id.value());
    }
  }

  /**
   * A place in the order of the warning board (docs/rules.md LIST-4): by expiry date, then partner
   * id, then id (ids by their text, as in {@link CurrentPosition}); total, as ids are unique.
   *
   * <p>Throws {@link ValidationException} naming each component that is null.
   *
   * @param expiryDate the record's expiry date
   * @param partnerId the record's partner
   * @param id the record's id
   */
  record BoardPosition(LocalDate expiryDate, PartnerId partnerId, CertificationId id)
      implements Comparable<BoardPosition> {
    /**
     * Checks the components.
     *
     * @param expiryDate the record's expiry date
     * @param partnerId the record's partner
     * @param id the record's id
     * @throws ValidationException naming each component that is null
     */
    public BoardPosition {
      required("expiryDate", expiryDate, "partnerId", partnerId, "id", id);
    }

    /**
     * The position of {@code c}.
     *
     * @param c a certification
     * @return its expiry date, partner and id
     */
    public static BoardPosition of(Certification c) {
      return new BoardPosition(c.expiryDate(), c.partnerId(), c.id());
    }

    /**
     * Compares by expiry date, then partner id, then id, ids by their text.
     *
     * @param o another position
     * @return negative, 0 or positive as this position comes before, at or after {@code o}
     */
    @Override
    public int compareTo(BoardPosition o) {
      int c = expiryDate.compareTo(o.expiryDate);
      if (c == 0) {
        c = compareIds(partnerId.value(), o.partnerId.value());
      }
      return c != 0 ? c : compareIds(id.value(), o.id.value());
    }
  }

  /**
   * The page of {@code records} after {@code after} in the order of {@code position}, at most
   * {@code limit}: what the default page methods do over a whole list.
   */
  private static <P extends Comparable<P>> List<CertificationRecord> page(List<CertificationRecord> records,
      Function<Certification, P> position, Optional<P> after, int limit) {
    return records.stream()
        .map(r -> Map.entry(position.apply(r.certification()), r))
        .filter(e -> after.map(a -> e.getKey().compareTo(a) > 0).orElse(true))
        .sorted(Map.Entry.comparingByKey())
        .limit(limit)
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * Compares ids in the order of their text, which is also PostgreSQL's uuid order: the two halves
   * as unsigned numbers, the most significant first.
   */
  private static int compareIds(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /**
   * Throws a {@link ValidationException} naming each component whose value is null, given as
   * name, value, name, value, ...
   */
  private static void required(@Nullable Object... namesAndValues) {
    List<Violation> violations = new ArrayList<>(0);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        violations.add(new Violation(String.valueOf(namesAndValues[i]), "must not be null"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Stores a new record.
   *
   * @param record the record
   * @throws ConflictException ({@code DUPLICATE}) if a record with this id exists
   */
  void insert(CertificationRecord record);

  /**
   * The stored record, if any.
   *
   * @param id the record's id
   * @return the record, or empty
   */
  Optional<CertificationRecord> find(CertificationId id);

  /**
   * Replaces the stored record if its stored version equals {@code expectedVersion}; {@code
   * record.certification().version()} is then the new version.
   *
   * @param record the new state of the record
   * @param expectedVersion the version the stored record must have
   * @return false, changing nothing, if the record is missing or its version differs
   */
  boolean update(CertificationRecord record, long expectedVersion);

  /**
   * Every record of the partner, in any state; empty if none.
   *
   * @param partnerId the partner
   * @return the partner's records
   */
  List<CertificationRecord> byPartner(PartnerId partnerId);

  /**
   * One page of the partner's current records, in the order of {@link CurrentPosition} (expiry
   * date, name key, id): those after {@code after} (all, if empty), at most {@code limit}. The
   * default sorts the current records of {@link #byPartner}; a database seeks through an index on
   * (partner, state, expiry date, name key, id), so that a deep page costs what the first costs.
   *
   * @param partnerId the partner
   * @param after the position of the previous page's last record; empty for the first page
   * @param limit the most records to return, 1 or more
   * @return the page's records, in order
   */
  default List<CertificationRecord> current(PartnerId partnerId, Optional<CurrentPosition> after, int limit) {
    return page(byPartner(partnerId).stream().filter(r -> r.certification().isCurrent()).toList(),
        CurrentPosition::of, after, limit);
  }

  /**
   * One page of the partner's records in any state, in the order of {@link HistoryPosition}
   * (creation time, id): those after {@code after} (all, if empty), at most {@code limit}. The
   * default sorts {@link #byPartner}; a database seeks through an index on (partner, creation time,
   * id).
   *
   * @param partnerId the partner
   * @param after the position of the previous page's last record; empty for the first page
   * @param limit the most records to return, 1 or more
   * @return the page's records, oldest first
   */
  default List<CertificationRecord> history(PartnerId partnerId, Optional<HistoryPosition> after, int limit) {
    return page(byPartner(partnerId), HistoryPosition::of, after, limit);
  }

  /**
   * The current records whose expiry date is from {@code from} to {@code to}, inclusive.
   *
   * @param from the first expiry date
   * @param to the last expiry date
   * @return the current records expiring in that range
   */
  List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to);

  /**
   * One page of the warning board: the current records whose expiry date is from {@code from} to
   * {@code to}, inclusive, in the order of {@link BoardPosition} (expiry date, partner id, id),
   * those after {@code after} (all, if empty), at most {@code limit}. The default sorts {@link
   * #currentExpiringBetween(LocalDate, LocalDate)}; a database seeks through an index on (state,
   * expiry date, partner id, id).
   *
   * @param from the first expiry date
   * @param to the last expiry date
   * @param after the position of the previous page's last record; empty for the first page
   * @param limit the most records to return, 1 or more
   * @return the page's records, in order
   */
  default List<CertificationRecord> currentExpiringBetween(
      LocalDate from, LocalDate to, Optional<BoardPosition> after, int limit) {
    return page(currentExpiringBetween(from, to), BoardPosition::of, after, limit);
  }

  /**
   * Counts current records by expiry date: with ascending {@code bounds} b0 &lt; b1 &lt; ... &lt;
   * bn, element 0 counts expiry dates before b0, element i (1..n) those from b(i-1) up to but
   * excluding b(i), and element n+1 those from bn on. Restricted to one partner if {@code
   * partnerId} is present.
   *
   * @param partnerId the partner to count for, or empty for every partner
   * @param bounds the ascending bounds
   * @return {@code bounds.size() + 1} counts
   */
  List<Long> countCurrentByExpiry(Optional<PartnerId> partnerId, List<LocalDate> bounds);

  /**
   * The current records whose expiry date lies from {@code from} to {@code to} (both inclusive; an
   * empty end is open) and whose reported status is not {@code status}: the candidates of the sweep
   * for one status band.
   *
   * @param status the status band's status
   * @param from the first expiry date, or empty for no lower end
   * @param to the last expiry date, or empty for no upper end
   * @return the candidates
   */
  List<CertificationRecord> currentReportedOtherThan(
      CertificationStatus status, Optional<LocalDate> from, Optional<LocalDate> to);

  /**
   * Sets the reported status of a current record if it is still {@code expected} (compare and set,
   * so that two sweeps at once report a change once). Does not change the record's version.
   *
   * @param id the record's id
   * @param expected the reported status the record must have
   * @param reported the reported status to set
   * @return false, changing nothing, if the record is missing, not current, or reported otherwise
   */
  boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported);
}
