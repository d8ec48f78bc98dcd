package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Partners, clients and tier history in the tables of {@code V1__partners.sql} (with the tier rank
 * and the list indexes of {@code V8__partner_lists.sql}, the running client totals and the indexes
 * of {@code V11__partner_list_aggregates.sql}), inside one transaction. Uniqueness (REG-2) comes
 * from the unique indexes, optimistic locking (REG-6) from {@code UPDATE ... WHERE id = ? AND
 * version = ?}. A partner's server and client counts (REG-3) are running totals on its row, changed
 * with every client change in the same transaction by an atomic increment (decision L2).
 */
final class JdbcPartners implements PartnerRepository {
  private static final String PARTNER_COLUMNS =
      "id, company_name, contact_email, tier, status, created_at, updated_at, version";
  /** {@link #PARTNER_COLUMNS} of {@code partners p}, as the list statements name the table. */
  private static final String P_COLUMNS = "p." + PARTNER_COLUMNS.replace(", ", ", p.");
  /** The running totals (V11) the list statements read with each partner. */
  private static final String TOTALS = "server_total, client_total";
  /** {@link #P_COLUMNS} and the running totals: what a list statement reads. */
  private static final String LIST_COLUMNS = P_COLUMNS + ", p.server_total, p.client_total";
  private static final String CLIENT_COLUMNS =
      "id, partner_id, name, server_count, created_at, updated_at, version";

  /**
   * A LIKE with {@code !} as escape character ({@link #likeLiteral}): not the backslash, which
   * MariaDB also reads as an escape inside the SQL literal {@code '\'} itself.
   */
  private static final String LIKE = " LIKE ? ESCAPE '!'";

  /** IN lists longer than this are split, to stay far below every driver's parameter limit. */
  private static final int MAX_IN_LIST = 1000;

  private final Jdbc jdbc;
  /** The running totals of the partners this read-only transaction listed ({@link #list}). */
  private final Map<PartnerId, ClientTotals> listedTotals = new HashMap<>();
  private final String byNameKey;

  JdbcPartners(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.byNameKey = jdbc.dialect().orderByText("name_key") + ", id";
  }

  @Override
  public void insert(PartnerRecord p) {
    jdbc.update(
        () -> "company name '" + p.companyName() + "' or id " + p.id() + " is taken",
        "INSERT INTO partners (" + PARTNER_COLUMNS + ", name_key, tier_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.id().value(), p.companyName(), p.contactEmail(), p.tier(), p.status(), p.createdAt(),
        p.updatedAt(), p.version(), p.nameKey(), tierRank(p.tier()));
  }

  @Override
  public Optional<PartnerRecord> find(PartnerId id) {
    return jdbc.first("SELECT " + PARTNER_COLUMNS + " FROM partners WHERE id = ?", this::partner, id.value());
  }

  /**
   * The ids only: on PostgreSQL one {@code = ANY(?)} query with the ids as one array parameter; on
   * H2 and MariaDB one {@code IN} list per {@value #MAX_IN_LIST} ids.
   */
  @Override
  public Set<PartnerId> existing(Collection<PartnerId> ids) {
    Set<PartnerId> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      UUID[] all = ids.stream().map(PartnerId::value).distinct().toArray(UUID[]::new);
      out.addAll(jdbc.list("SELECT id FROM partners WHERE id = ANY(?)", rs -> new PartnerId(Jdbc.uuid(rs, "id")),
          (Object) all));
      return out;
    }
    List<UUID> all = new LinkedHashSet<>(ids).stream().map(PartnerId::value).toList();
    for (int from = 0; from < all.size(); from += MAX_IN_LIST) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + MAX_IN_LIST));
      out.addAll(jdbc.list("SELECT id FROM partners WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")",
          rs -> new PartnerId(Jdbc.uuid(rs, "id")), chunk.toArray()));
    }
    return out;
  }

  @Override
  public Optional<PartnerRecord> findByNameKey(String nameKey) {
    return jdbc.first("SELECT " + PARTNER_COLUMNS + " FROM partners WHERE name_key = ?", this::partner, nameKey);
  }

  @Override
  public boolean update(PartnerRecord p, long expectedVersion) {
    int rows = jdbc.update(
        () -> "company name '" + p.companyName() + "' is taken",
        "UPDATE partners SET company_name = ?, name_key = ?, contact_email = ?, tier = ?, tier_rank = ?, status = ?,"
            + " created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
        p.companyName(), p.nameKey(), p.contactEmail(), p.tier(), tierRank(p.tier()), p.status(), p.createdAt(),
        p.updatedAt(), p.version(), p.id().value(), expectedVersion);
    return rows == 1;
  }

  /**
   * One page by keyset: the statement of {@link #listStatement}, which also reads each partner's
   * running totals. In a read-only transaction (one snapshot) they are kept, so that the page's
   * {@link #clientTotals(Collection)} that core asks next costs no second query.
   */
  @Override
  public List<PartnerRecord> list(PartnerListing listing) {
    Sql page = listStatement(jdbc.dialect(), listing);
    return jdbc.list(page.text(), rs -> {
      PartnerRecord partner = partner(rs);
      if (jdbc.readOnly()) {
        listedTotals.put(partner.id(), totals(rs));
      }
      return partner;
    }, page.params().toArray());
  }

  /**
   * {@code SELECT COUNT(*)} over the rows of {@link #listStatement}, position and limit aside: from
   * {@code partners} with its filters, or for the MRR sort from the month's current entries joined
   * to their partners.
   */
  @Override
  public long count(PartnerListing listing) {
    Conditions filters = filters(jdbc.dialect(), listing);
    return jdbc.number("SELECT COUNT(*) FROM " + from(listing) + filters.where(), filters.params());
  }

  /** A statement and its parameters. */
  record Sql(String text, List<Object> params) {}

  /**
   * The statement of one page by keyset, as {@link PartnerRepository#list} asks. The filters are
   * the same {@code WHERE} terms in every shape ({@link #filters}); the shapes, with {@code nk}
   * standing for the name key in code point order ({@link Dialect#orderByText}: {@code name_key
   * COLLATE "C"} on PostgreSQL, whose column has that collation since V8, plain {@code name_key} on
   * H2):
   *
   * <p>The page size is written as a literal, {@code FETCH FIRST n ROWS ONLY}, below {@code ?}.
   *
   * <ul>
   *   <li>{@code NAME}: {@code WHERE ... [AND nk > ?] ORDER BY nk FETCH FIRST ? ROWS ONLY} ({@code <}
   *       and {@code DESC} descending), a range of the unique name-key index.
   *   <li>{@code CREATED}, {@code TIER}, {@code SERVER_COUNT} and {@code CLIENT_COUNT}, key {@code k}
   *       ({@code created_at}, {@code tier_rank}, {@code server_total} or {@code client_total}, the
   *       last two the running totals of V11, decision L2): the first page {@code WHERE ... ORDER BY
   *       k, nk FETCH FIRST ? ROWS ONLY}; a page after position {@code (k0, n0)} the rows after it,
   *       {@code k > k0 OR (k = k0 AND nk > n0)}, as two ranges of the index on {@code (k,
   *       name_key)}, each read in order and cut at the limit: {@code SELECT ... FROM ((SELECT ...
   *       WHERE ... AND k = ? AND nk > ? ORDER BY k, nk FETCH FIRST ? ROWS ONLY) UNION ALL (SELECT
   *       ... WHERE ... AND k >= ? ORDER BY k, nk FETCH FIRST ? ROWS ONLY)) page ORDER BY k, nk FETCH
   *       FIRST ? ROWS ONLY}. The second range starts at the first value after {@code k0} ({@link
   *       #after}): with {@code k > ?} H2 would read, and drop, every row of {@code k0} first, and an
   *       OR in one query would make both databases read the index from its start. Descending:
   *       {@code nk < ?}, {@code k <=} the last value before {@code k0}, every part {@code DESC}. A
   *       position whose time is finer than the stored microseconds ties with no row: only the
   *       second range is read.
   *   <li>{@code MRR} of month {@code m} in currency {@code c} (LIST-5): driven by the ledger, the
   *       current entries of the month ({@code NOT EXISTS} a higher revision of the partner's month,
   *       from the revision index) joined to their partners for the other filters, {@code FROM
   *       revenue_entries r JOIN partners p ON p.id = r.partner_id WHERE r.month_start = ? AND
   *       r.currency = ? AND ... ORDER BY r.month_start, r.currency, r.mrr_minor, r.partner_id},
   *       paged like the keys above with {@code (r.mrr_minor, r.partner_id)} for {@code (k, nk)}:
   *       ranges of the index on {@code (month_start, currency, mrr_minor, partner_id)} (the month and
   *       currency lead the ORDER BY, although fixed, so that H2 sees the index gives the order). An
   *       MRR filter of the same month and currency bounds {@code r.mrr_minor} directly.
   * </ul>
   */
  static Sql listStatement(Dialect dialect, PartnerListing listing) {
    Conditions filters = filters(dialect, listing);
    boolean descending = listing.direction() == SortDirection.DESCENDING;
    String nameKey = dialect.orderByText("name_key");
    String direction = descending ? " DESC" : "";
    // the page size as a literal (a number core chose): a generic plan that does not know it plans
    // for a tenth of the rows, and would hash-join a filter's table and sort instead of reading the
    // order's index (PartnerListIndexTest, a filter by MRR)
    String limit = " FETCH FIRST " + listing.limit() + " ROWS ONLY";
    Optional<PartnerListing.Position> position = listing.after();
    String from = " FROM " + from(listing);
    if (listing.sort() == PartnerSort.NAME) {
      Conditions page = filters.copy();
      position.ifPresent(p -> page.and(nameKey + (descending ? " < ?" : " > ?"), p.nameKey()));
      return new Sql("SELECT " + LIST_COLUMNS + from + page.where() + " ORDER BY " + nameKey + direction + limit,
          List.of(page.params()));
    }
    boolean byMrr = listing.sort() == PartnerSort.MRR;
    String key = switch (listing.sort()) {
      case CREATED -> "p.created_at";
      case TIER -> "p.tier_rank";
      case SERVER_COUNT -> "p.server_total";
      case CLIENT_COUNT -> "p.client_total";
      case MRR -> "r.mrr_minor";
      case NAME -> throw new IllegalStateException("the name order is read above");
    };
    // the tie-break: the name key, or for the MRR order the partner id
    String tie = byMrr ? "r.partner_id" : dialect.orderByText("p.name_key");
    String lead = byMrr ? "r.month_start" + direction + ", r.currency" + direction + ", " : "";
    String order = " ORDER BY " + lead + key + direction + ", " + tie + direction;
    if (position.isEmpty()) {
      return new Sql("SELECT " + LIST_COLUMNS + from + filters.where() + order + limit,
          List.of(filters.params()));
    }
    PartnerListing.Position p = position.get();
    Object value = switch (listing.sort()) {
      case CREATED -> p.createdAt();
      case TIER -> tierRank(p.tier());
      case SERVER_COUNT -> p.serverCount();
      case CLIENT_COUNT -> p.clientCount();
      case MRR -> p.mrr().orElseThrow().minorUnits();
      case NAME -> throw new IllegalStateException("the name order is read above");
    };
    Object tieValue = byMrr ? p.partnerId().value() : p.nameKey();
    Optional<Object> next = after(value, descending);
    Conditions beyond = filters.copy();
    next.ifPresentOrElse(n -> beyond.and(key + (descending ? " <= ?" : " >= ?"), n),
        () -> beyond.and(key + (descending ? " < ?" : " > ?"), value));
    if (listing.sort() == PartnerSort.CREATED && !p.createdAt().equals(p.createdAt().truncatedTo(ChronoUnit.MICROS))) {
      return new Sql("SELECT " + LIST_COLUMNS + from + beyond.where() + order + limit,
          List.of(beyond.params()));
    }
    Conditions ties = filters.copy().and(key + " = ?", value).and(tie + (descending ? " < ?" : " > ?"), tieValue);
    // the inner selects name their order's columns, which the outer ORDER BY reads from the union
    String keyColumn = key.substring(2);
    String tieColumn = byMrr ? "partner_id" : "name_key";
    boolean keyListed = key.equals("p.created_at") || key.equals("p.server_total") || key.equals("p.client_total");
    String columns = LIST_COLUMNS + (keyListed ? "" : ", " + key) + ", " + (byMrr ? "r.partner_id" : "p.name_key");
    String outer = " ORDER BY " + keyColumn + direction + ", "
        + (byMrr ? tieColumn : dialect.orderByText(tieColumn)) + direction;
    List<Object> params = new ArrayList<>(List.of(ties.params()));
    params.addAll(List.of(beyond.params()));
    return new Sql(
        "SELECT " + PARTNER_COLUMNS + ", " + TOTALS + " FROM ((SELECT " + columns + from + ties.where() + order + limit
            + ") UNION ALL (SELECT " + columns + from + beyond.where() + order + limit + ")) page" + outer + limit,
        List.copyOf(params));
  }

  /**
   * The tables a listing reads: {@code partners p}, or for the MRR sort the ledger's entries {@code
   * r} joined to their partners.
   */
  private static String from(PartnerListing listing) {
    return listing.sort() == PartnerSort.MRR ? "revenue_entries r JOIN partners p ON p.id = r.partner_id"
        : "partners p";
  }

  /** The current entry of its month: no higher revision exists (answered from the revision index). */
  private static String isCurrent(String entry) {
    return "NOT EXISTS (SELECT 1 FROM revenue_entries n WHERE n.partner_id = " + entry + ".partner_id AND n.month_start = "
        + entry + ".month_start AND n.revision > " + entry + ".revision)";
  }

  /**
   * The listing's filters ({@link PartnerListing#matches}) as {@code WHERE} terms on {@code partners
   * p}: {@code tier IN (...)}, {@code status IN (...)}; a name prefix as the range {@code nk >= ? AND
   * nk < ?} (the prefix and {@link #prefixEnd}: a range of the name-key index also in a plan made
   * before the values are known), which holds exactly the keys that start with the prefix when the
   * end differs from it only in the last character, and else is narrowed by {@code AND nk LIKE ?
   * ESCAPE '!'} (the escaped prefix and {@code %}); contained text as {@code nk LIKE ? ESCAPE '!'}
   * with {@code %} on both sides; the email text as {@code TRANSLATE(contact_email, 'A..Z', 'a..z')
   * LIKE ? ESCAPE '!'} ({@link Dialect#asciiLowerCase}), the ASCII letters lower-cased as {@link
   * PartnerListing#asciiLowerCase} does.
   * (Adding the LIKE to an exact range would make PostgreSQL count the prefix's selectivity twice
   * and prefer reading and sorting the whole range to reading the index in order.)
   *
   * <p>The filters on aggregates (LIST-5), their bounds written as literals ({@link #range}, {@link
   * #expiring}): the count ranges on the running totals ({@code p.server_total >= 10 AND
   * p.server_total <= 99}, decision L2); the certification status as {@code
   * EXISTS} a current certification of the partner expiring in one of the ranges (the index on
   * {@code (partner_id, record_state, expiry_date)}; the dates as literals, {@link #expiring}); the MRR filter as {@code EXISTS} a current
   * entry of the month in the currency with its MRR in range (the revision index), or, when the
   * listing is sorted by the MRR of that month and currency, as bounds on the driving entry {@code
   * r}; and for the MRR sort, the driving entry's month and currency, and that it is current.
   */
  private static Conditions filters(Dialect dialect, PartnerListing listing) {
    Conditions c = new Conditions();
    String nameKey = dialect.orderByText("p.name_key");
    Optional<PartnerListing.MrrMonth> sortMrr = listing.sortMrr();
    sortMrr.ifPresent(m -> c.and("r.month_start = ?", m.month().atDay(1)).and("r.currency = ?",
        m.currency().getCurrencyCode()).and(isCurrent("r")));
    if (!listing.tiers().isEmpty()) {
      c.and("p.tier IN (" + Jdbc.placeholders(listing.tiers().size()) + ")", new TreeSet<>(listing.tiers()).toArray());
    }
    if (!listing.statuses().isEmpty()) {
      c.and("p.status IN (" + Jdbc.placeholders(listing.statuses().size()) + ")",
          new TreeSet<>(listing.statuses()).toArray());
    }
    listing.nameKeyPrefix().ifPresent(prefix -> {
      c.and(nameKey + " >= ?", prefix);
      Optional<String> end = prefixEnd(prefix);
      end.ifPresent(e -> c.and(nameKey + " < ?", e));
      if (end.filter(e -> e.length() == prefix.length()).isEmpty()) {
        c.and(nameKey + LIKE, likeLiteral(prefix) + "%");
      }
    });
    listing.nameKeyContains().ifPresent(text -> c.and(nameKey + LIKE, "%" + likeLiteral(text) + "%"));
    listing.emailContains().ifPresent(text -> c.and(dialect.asciiLowerCase("p.contact_email") + LIKE,
        "%" + likeLiteral(text) + "%"));
    range(c, "p.server_total", listing.serverCounts().min(), listing.serverCounts().max());
    range(c, "p.client_total", listing.clientCounts().min(), listing.clientCounts().max());
    if (!listing.certificationExpiries().isEmpty()) {
      c.and("EXISTS (SELECT 1 FROM partner_certifications c WHERE c.partner_id = p.id AND c.record_state = 'CURRENT'"
          + expiring(listing.certificationExpiries()) + ")");
    }
    listing.mrr().ifPresent(m -> {
      OptionalLong min = m.min().map(x -> OptionalLong.of(x.minorUnits())).orElse(OptionalLong.empty());
      OptionalLong max = m.max().map(x -> OptionalLong.of(x.minorUnits())).orElse(OptionalLong.empty());
      if (sortMrr.equals(Optional.of(new PartnerListing.MrrMonth(m.month(), m.currency())))) {
        range(c, "r.mrr_minor", min, max);
        return;
      }
      // the month and currency as literals too (a date core made and a code java.util.Currency made,
      // three capital letters), so that PostgreSQL plans for the month the filter reads (range)
      Conditions entry = new Conditions().and("f.partner_id = p.id").and("f.month_start = DATE '" + m.month().atDay(1)
          + "'").and("f.currency = '" + m.currency().getCurrencyCode() + "'");
      range(entry, "f.mrr_minor", min, max);
      entry.and(isCurrent("f"));
      c.and("EXISTS (SELECT 1 FROM revenue_entries f" + entry.where() + ")", entry.params());
    });
    return c;
  }

  /**
   * The certification filter's expiry ranges as {@code AND (c.expiry_date >= DATE '...' AND
   * c.expiry_date <= DATE '...' OR ...)}, nothing if a range is open at both ends (any current
   * certification). The dates are literals, not parameters: they are dates core computed (today
   * and the thresholds, never a caller's text, each written by {@link LocalDate#toString} as {@code
   * yyyy-mm-dd}), and PostgreSQL must see them to plan. With parameters, the generic plan it
   * switches to for a statement prepared on a connection takes any date range as narrow and reads
   * the page from the certifications, every one in the range (13,332 rows instead of 159 in {@code
   * PartnerListIndexTest}). Dates outside the certifications' own range ({@link
   * cloud.quazzar.partner.certification.NewCertification#EARLIEST_DATE} to {@link
   * cloud.quazzar.partner.certification.NewCertification#LATEST_DATE}) are open ends, or, for a
   * range that lies wholly outside it, no match, so every literal has four digits of year.
   */
  private static String expiring(List<PartnerListing.ExpiryRange> ranges) {
    LocalDate earliest = NewCertification.EARLIEST_DATE;
    LocalDate latest = NewCertification.LATEST_DATE;
    List<String> terms = new ArrayList<>();
    for (PartnerListing.ExpiryRange r : ranges) {
      Optional<LocalDate> from = r.from().filter(d -> d.isAfter(earliest));
      Optional<LocalDate> to = r.to().filter(d -> d.isBefore(latest));
      if (from.filter(d -> d.isAfter(latest)).isPresent() || to.filter(d -> d.isBefore(earliest)).isPresent()) {
        terms.add("1 = 0");
        continue;
      }
      if (from.isEmpty() && to.isEmpty()) {
        return "";
      }
      List<String> ends = new ArrayList<>(2);
      from.ifPresent(d -> ends.add("c.expiry_date >= DATE '" + d + "'"));
      to.ifPresent(d -> ends.add("c.expiry_date <= DATE '" + d + "'"));
      terms.add(String.join(" AND ", ends));
    }
    return " AND (" + String.join(" OR ", terms) + ")";
  }

  /**
   * {@code column >= min AND column <= max}, each if present, as number literals ({@link
   * Long#toString}, never a caller's text): PostgreSQL must see a range's bounds to plan for its
   * width, as for the expiry dates ({@link #expiring}). With parameters, its generic plan takes any
   * range as narrow, and would read a page filtered by MRR from the ledger's MRR index, every entry
   * in the range (9,774 rows instead of 150 in {@code PartnerListIndexTest}).
   */
  private static void range(Conditions c, String column, OptionalLong min, OptionalLong max) {
    min.ifPresent(v -> c.and(column + " >= " + v));
    max.ifPresent(v -> c.and(column + " <= " + v));
  }

  /**
   * The first value after {@code value} in the order ({@code descending}: the last before it) that a
   * row can hold: the next rank or count, or the next microsecond (the precision of the stored
   * times); empty if there is none (a count at the end of its type's range).
   */
  static Optional<Object> after(Object value, boolean descending) {
    if (value instanceof Integer rank) {
      return Optional.of(descending ? rank - 1 : rank + 1);
    }
    if (value instanceof Long n) {
      return n == (descending ? Long.MIN_VALUE : Long.MAX_VALUE) ? Optional.empty()
          : Optional.of(descending ? n - 1 : n + 1);
    }
    Instant t = (Instant) value;
    Instant micros = t.truncatedTo(ChronoUnit.MICROS);
    if (descending) {
      return Optional.of(micros.equals(t) ? micros.minus(1, ChronoUnit.MICROS) : micros);
    }
    return Optional.of(micros.plus(1, ChronoUnit.MICROS));
  }

  /**
   * The end of a range that holds every string starting with {@code prefix}, by UTF-16 units (H2)
   * and by code points (PostgreSQL's "C") alike, if there is one: {@code prefix} cut after its last
   * character {@code c} that both orders read as a whole code point and that has a successor of the
   * same kind (not a surrogate, U+D7FF or U+FFFF), with {@code c} raised by one. A string that
   * starts with {@code prefix} starts with the part before {@code c} and then has {@code c}, so it
   * sorts below the end in both orders. When {@code c} is the last character (the end is as long as
   * {@code prefix}), the range holds exactly those strings: a string {@code s} with {@code prefix
   * <= s < end} shares the part before {@code c} and then has a character from {@code c} up to but
   * not including {@code c + 1}, that is {@code c}.
   */
  static Optional<String> prefixEnd(String prefix) {
    for (int i = prefix.length() - 1; i >= 0; i--) {
      char c = prefix.charAt(i);
      if (!Character.isSurrogate(c) && c != '\uD7FF' && c != '\uFFFF') {
        return Optional.of(prefix.substring(0, i) + (char) (c + 1));
      }
    }
    return Optional.empty();
  }

  /** {@code text} for a LIKE pattern with escape character {@code !}: {@code !}, {@code %} and {@code _} escaped. */
  static String likeLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!' || c == '%' || c == '_') {
        out.append('!');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A tier's rank as {@code partners.tier_rank} holds it ({@code V8__partner_lists.sql}, whose
   * check ties it to the tier): SILVER 1, GOLD 2, PLATINUM 3, the order of {@link Tier}.
   */
  static int tierRank(Tier tier) {
    return switch (tier) {
      case SILVER -> 1;
      case GOLD -> 2;
      case PLATINUM -> 3;
    };
  }

  /** {@code WHERE} terms joined by {@code AND}, and their parameters in order. */
  private static final class Conditions {
    private final List<String> terms = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    Conditions and(String term, Object... values) {
      terms.add(term);
      params.addAll(List.of(values));
      return this;
    }

    Conditions copy() {
      Conditions c = new Conditions();
      c.terms.addAll(terms);
      c.params.addAll(params);
      return c;
    }

    /** {@code " WHERE a AND b"}, or nothing without terms. */
    String where() {
      return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    /** The parameters, then {@code more}. */
    Object[] params(Object... more) {
      List<Object> all = new ArrayList<>(params);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }

  /** The running totals of V11 (decision L2), which every client change keeps equal to the sums. */
  @Override
  public Map<PartnerId, ClientTotals> clientTotals(Collection<PartnerId> ids) {
    Set<PartnerId> unique = new LinkedHashSet<>(ids);
    if (!listedTotals.isEmpty() && listedTotals.keySet().containsAll(unique)) {
      // read by this read-only transaction's list, in the same snapshot
      Map<PartnerId, ClientTotals> known = new HashMap<>();
      for (PartnerId id : unique) {
        known.put(id, listedTotals.get(id));
      }
      return known;
    }
    Map<PartnerId, ClientTotals> out = new HashMap<>();
    for (PartnerId id : unique) {
      out.put(id, ClientTotals.NONE);
    }
    List<UUID> all = unique.stream().map(PartnerId::value).toList();
    for (int from = 0; from < all.size(); from += MAX_IN_LIST) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + MAX_IN_LIST));
      jdbc.list(
          "SELECT id, server_total, client_total FROM partners WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")",
          rs -> {
            out.put(new PartnerId(Jdbc.uuid(rs, "id")), totals(rs));
            return true; // no result: the work must return non-null
          },
          chunk.toArray());
    }
    return out;
  }

  @Override
  public ClientTotals clientTotals(PartnerId id) {
    return jdbc.first("SELECT server_total, client_total FROM partners WHERE id = ?", JdbcPartners::totals, id.value())
        .orElse(ClientTotals.NONE);
  }

  /**
   * Decision L2: adds {@code servers} and {@code clients} (either may be negative) to the partner's
   * running totals, atomically (the database adds to the row as it stands when the statement gets
   * its lock, so concurrent client changes of one partner add up), without touching its version.
   */
  private void addToTotals(PartnerId partnerId, long servers, long clients) {
    if (servers == 0 && clients == 0) {
      return;
    }
    int rows = jdbc.update("UPDATE partners SET server_total = server_total + ?, client_total = client_total + ?"
        + " WHERE id = ?", servers, clients, partnerId.value());
    if (rows != 1) {
      throw new IllegalStateException("partner " + partnerId + " of a client is not stored: its totals cannot change");
    }
  }

  /** A client's partner and server count as stored at a version, locked until the transaction ends. */
  private record Stored(PartnerId partnerId, long serverCount) {}

  private Optional<Stored> lockClient(ClientId id, long expectedVersion) {
    return jdbc.first("SELECT partner_id, server_count FROM partner_clients WHERE id = ? AND version = ? FOR UPDATE",
        rs -> new Stored(new PartnerId(Jdbc.uuid(rs, "partner_id")), rs.getLong("server_count")), id.value(),
        expectedVersion);
  }

  @Override
  public void appendTierChange(TierChange c) {
    jdbc.update(
        () -> "partner " + c.partnerId() + " already has tier history entry " + c.sequence(),
        "INSERT INTO partner_tier_history (partner_id, sequence_no, from_tier, to_tier, changed_at, changed_by,"
            + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        c.partnerId().value(), c.sequence(), Jdbc.nullable(c.from(), Types.VARCHAR), c.to(), c.changedAt(),
        c.changedBy(), c.reason());
  }

  @Override
  public List<TierChange> tierHistory(PartnerId id) {
    return jdbc.list(
        "SELECT partner_id, sequence_no, from_tier, to_tier, changed_at, changed_by, reason"
            + " FROM partner_tier_history WHERE partner_id = ? ORDER BY sequence_no",
        this::tierChange, id.value());
  }

  @Override
  public List<TierChange> tierHistory(PartnerId id, int afterSequence, int limit) {
    // LIST-1: seeks through the primary key (partner_id, sequence_no)
    return jdbc.list(
        "SELECT partner_id, sequence_no, from_tier, to_tier, changed_at, changed_by, reason"
            + " FROM partner_tier_history WHERE partner_id = ? AND sequence_no > ? ORDER BY partner_id, sequence_no"
            + " FETCH FIRST ? ROWS ONLY",
        this::tierChange, id.value(), afterSequence, limit);
  }

  @Override
  public void insertClient(Client c) {
    jdbc.update(
        () -> "client name '" + c.name() + "' or id " + c.id() + " is taken",
        "INSERT INTO partner_clients (" + CLIENT_COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        c.id().value(), c.partnerId().value(), c.name(), c.serverCount(), c.createdAt(), c.updatedAt(),
        c.version(), c.nameKey());
    addToTotals(c.partnerId(), c.serverCount(), 1);
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    return jdbc.first("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE id = ?", this::client, id.value());
  }

  /**
   * Locks the stored client at {@code expectedVersion} ({@code SELECT ... FOR UPDATE}), so that its
   * server count and partner, which the totals change by, cannot change before the update.
   */
  @Override
  public boolean updateClient(Client c, long expectedVersion) {
    Optional<Stored> old = lockClient(c.id(), expectedVersion);
    if (old.isEmpty()) {
      return false;
    }
    int rows = jdbc.update(
        () -> "client name '" + c.name() + "' is taken",
        "UPDATE partner_clients SET partner_id = ?, name = ?, name_key = ?, server_count = ?, created_at = ?,"
            + " updated_at = ?, version = ? WHERE id = ? AND version = ?",
        c.partnerId().value(), c.name(), c.nameKey(), c.serverCount(), c.createdAt(), c.updatedAt(), c.version(),
        c.id().value(), expectedVersion);
    if (rows != 1) {
      return false;
    }
    Stored was = old.get();
    if (was.partnerId().equals(c.partnerId())) {
      addToTotals(c.partnerId(), c.serverCount() - was.serverCount(), 0);
    } else {
      // a client that moves: both partners, in id order so that two such moves cannot deadlock
      boolean oldFirst = PartnerListing.PARTNER_ID_ORDER.compare(was.partnerId(), c.partnerId()) < 0;
      if (oldFirst) {
        addToTotals(was.partnerId(), -was.serverCount(), -1);
      }
      addToTotals(c.partnerId(), c.serverCount(), 1);
      if (!oldFirst) {
        addToTotals(was.partnerId(), -was.serverCount(), -1);
      }
    }
    return true;
  }

  @Override
  public boolean deleteClient(ClientId id, long expectedVersion) {
    Optional<Stored> old = lockClient(id, expectedVersion);
    if (old.isEmpty()) {
      return false;
    }
    int rows = jdbc.update(
        "DELETE FROM partner_clients WHERE id = ? AND version = ?", id.value(), expectedVersion);
    if (rows != 1) {
      return false;
    }
    addToTotals(old.get().partnerId(), -old.get().serverCount(), -1);
    return true;
  }

  @Override
  public int lastTierSequence(PartnerId id) {
    return (int) jdbc.number(
        "SELECT COALESCE(MAX(sequence_no), 0) FROM partner_tier_history WHERE partner_id = ?", id.value());
  }

  @Override
  public Optional<Client> findClientByNameKey(PartnerId partnerId, String nameKey) {
    return jdbc.first(
        "SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ? AND name_key = ?",
        this::client, partnerId.value(), nameKey);
  }

  @Override
  public List<Client> clients(PartnerId partnerId) {
    return jdbc.list(
        "SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ? ORDER BY " + byNameKey,
        this::client, partnerId.value());
  }

  @Override
  public List<Client> clients(PartnerId partnerId, Optional<String> afterNameKey, int limit) {
    // LIST-1: seeks through partner_clients_partner_name_ux (binary collation on PostgreSQL, V9);
    // partner_id in the ORDER BY lets H2 see that the index gives the order (NameOrderIndexTest)
    String nameKey = jdbc.dialect().orderByText("name_key");
    String order = " ORDER BY partner_id, " + nameKey + " FETCH FIRST ? ROWS ONLY";
    if (afterNameKey.isEmpty()) {
      return jdbc.list("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ?" + order,
          this::client, partnerId.value(), limit);
    }
    return jdbc.list("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ? AND " + nameKey + " > ?"
        + order, this::client, partnerId.value(), afterNameKey.get(), limit);
  }

  private PartnerRecord partner(ResultSet rs) throws SQLException {
    return new PartnerRecord(
        new PartnerId(Jdbc.uuid(rs, "id")),
        rs.getString("company_name"),
        rs.getString("contact_email"),
        Jdbc.enumValue(rs, "tier", Tier.class),
        Jdbc.enumValue(rs, "status", PartnerStatus.class),
        jdbc.dialect().instant(rs, "created_at"),
        jdbc.dialect().instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private Client client(ResultSet rs) throws SQLException {
    return new Client(
        new ClientId(Jdbc.uuid(rs, "id")),
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        rs.getString("name"),
        rs.getLong("server_count"),
        jdbc.dialect().instant(rs, "created_at"),
        jdbc.dialect().instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  @Override
  public int eraseTierChangeReasons(PartnerId partnerId, String replacement) {
    return jdbc.update("UPDATE partner_tier_history SET reason = ? WHERE partner_id = ? AND reason <> ?",
        replacement, partnerId.value(), replacement);
  }

  @Override
  public void appendErasure(Erasure e) {
    jdbc.update(() -> "partner " + e.partnerId() + " was erased by another transaction at the same time",
        "INSERT INTO partner_erasures (partner_id, entry_no, erased_at, erased_by, reason, values_erased)"
            + " SELECT ?, COALESCE(MAX(entry_no), 0) + 1, ?, ?, ?, ? FROM partner_erasures WHERE partner_id = ?",
        e.partnerId().value(), e.erasedAt(), e.erasedBy(), e.reason(), e.valuesErased(), e.partnerId().value());
  }

  @Override
  public List<Erasure> erasures(PartnerId partnerId) {
    return jdbc.list("SELECT partner_id, erased_at, erased_by, reason, values_erased FROM partner_erasures"
        + " WHERE partner_id = ? ORDER BY entry_no", rs -> new Erasure(new PartnerId(Jdbc.uuid(rs, "partner_id")),
            jdbc.dialect().instant(rs, "erased_at"), rs.getString("erased_by"), rs.getString("reason"),
            rs.getInt("values_erased")), partnerId.value());
  }

  private TierChange tierChange(ResultSet rs) throws SQLException {
    return new TierChange(
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        rs.getInt("sequence_no"),
        Jdbc.optionalEnum(rs, "from_tier", Tier.class),
        Jdbc.enumValue(rs, "to_tier", Tier.class),
        jdbc.dialect().instant(rs, "changed_at"),
        rs.getString("changed_by"),
        rs.getString("reason"));
  }

  /** The running totals of a partner row. */
  private static ClientTotals totals(ResultSet rs) throws SQLException {
    long clients = rs.getLong("client_total");
    long servers = rs.getLong("server_total");
    return clients == 0 && servers == 0 ? ClientTotals.NONE : new ClientTotals(servers, clients);
  }
}
