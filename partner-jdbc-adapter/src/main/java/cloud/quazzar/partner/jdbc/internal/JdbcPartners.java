package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.SortDirection;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Partners, clients and tier history in the tables of {@code V1__partners.sql} (with the tier rank
 * and the list indexes of {@code V8__partner_lists.sql}), inside one transaction. Uniqueness (REG-2) comes from the unique indexes, optimistic locking (REG-6) from {@code
 * UPDATE ... WHERE id = ? AND version = ?}.
 */
final class JdbcPartners implements PartnerRepository {
  private static final String PARTNER_COLUMNS =
      "id, company_name, contact_email, tier, status, created_at, updated_at, version";
  private static final String CLIENT_COLUMNS =
      "id, partner_id, name, server_count, created_at, updated_at, version";

  /** The ASCII capital letters, which the email search lower-cases (TRANSLATE to their small forms). */
  private static final String ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** A LIKE with {@code \} as escape character ({@link #likeLiteral}). */
  private static final String LIKE = " LIKE ? ESCAPE '\\'";

  /** IN lists longer than this are split, to stay far below every driver's parameter limit. */
  private static final int MAX_IN_LIST = 1000;

  private final Jdbc jdbc;
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
    return jdbc.first("SELECT " + PARTNER_COLUMNS + " FROM partners WHERE id = ?", JdbcPartners::partner, id.value());
  }

  /** One query per {@value #MAX_IN_LIST} ids: month-end revenue runs check thousands at once. */
  @Override
  public Map<PartnerId, PartnerRecord> findAll(Collection<PartnerId> ids) {
    List<UUID> all = new LinkedHashSet<>(ids).stream().map(PartnerId::value).toList();
    Map<PartnerId, PartnerRecord> out = new HashMap<>();
    for (int from = 0; from < all.size(); from += MAX_IN_LIST) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + MAX_IN_LIST));
      for (PartnerRecord p : jdbc.list("SELECT " + PARTNER_COLUMNS + " FROM partners WHERE id IN ("
          + Jdbc.placeholders(chunk.size()) + ")", JdbcPartners::partner, chunk.toArray())) {
        out.put(p.id(), p);
      }
    }
    return out;
  }

  @Override
  public Optional<PartnerRecord> findByNameKey(String nameKey) {
    return jdbc.first("SELECT " + PARTNER_COLUMNS + " FROM partners WHERE name_key = ?", JdbcPartners::partner, nameKey);
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

  /** One page by keyset: the statement of {@link #listStatement}. */
  @Override
  public List<PartnerRecord> list(PartnerListing listing) {
    Sql page = listStatement(jdbc.dialect(), listing);
    return jdbc.list(page.text(), JdbcPartners::partner, page.params().toArray());
  }

  /** {@code SELECT COUNT(*) FROM partners WHERE ...}, the filters of {@link #listStatement}. */
  @Override
  public long count(PartnerListing listing) {
    Conditions filters = filters(jdbc.dialect(), listing);
    return jdbc.number("SELECT COUNT(*) FROM partners" + filters.where(), filters.params());
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
   * <ul>
   *   <li>{@code NAME}: {@code WHERE ... [AND nk > ?] ORDER BY nk FETCH FIRST ? ROWS ONLY} ({@code <}
   *       and {@code DESC} descending), a range of the unique name-key index.
   *   <li>{@code CREATED} and {@code TIER}, key {@code k} ({@code created_at} or {@code tier_rank}):
   *       the first page {@code WHERE ... ORDER BY k, nk FETCH FIRST ? ROWS ONLY}; a page after
   *       position {@code (k0, n0)} the rows after it, {@code k > k0 OR (k = k0 AND nk > n0)}, as two
   *       ranges of the index on {@code (k, name_key)}, each read in order and cut at the limit:
   *       {@code SELECT ... FROM ((SELECT ... WHERE ... AND k = ? AND nk > ? ORDER BY k, nk FETCH
   *       FIRST ? ROWS ONLY) UNION ALL (SELECT ... WHERE ... AND k >= ? ORDER BY k, nk FETCH FIRST ?
   *       ROWS ONLY)) page ORDER BY k, nk FETCH FIRST ? ROWS ONLY}. The second range starts at the
   *       first value after {@code k0} ({@link #after}): with {@code k > ?} H2 would read, and drop,
   *       every row of {@code k0} first, and an OR in one query would make both databases read the
   *       index from its start. Descending: {@code nk < ?}, {@code k <=} the last value before
   *       {@code k0}, every part {@code DESC}. A position whose time is finer than the stored
   *       microseconds ties with no row: only the second range is read.
   * </ul>
   */
  static Sql listStatement(Dialect dialect, PartnerListing listing) {
    Conditions filters = filters(dialect, listing);
    boolean descending = listing.direction() == SortDirection.DESCENDING;
    String nameKey = dialect.orderByText("name_key");
    String direction = descending ? " DESC" : "";
    String afterName = nameKey + (descending ? " < ?" : " > ?");
    String limit = " FETCH FIRST ? ROWS ONLY";
    Optional<PartnerListing.Position> position = listing.after();
    if (listing.sort() == PartnerSort.NAME) {
      Conditions page = filters.copy();
      position.ifPresent(p -> page.and(afterName, p.nameKey()));
      return new Sql("SELECT " + PARTNER_COLUMNS + " FROM partners" + page.where() + " ORDER BY " + nameKey
          + direction + limit, List.of(page.params(listing.limit())));
    }
    boolean byTier = listing.sort() == PartnerSort.TIER;
    String key = byTier ? "tier_rank" : "created_at";
    String order = " ORDER BY " + key + direction + ", " + nameKey + direction;
    if (position.isEmpty()) {
      return new Sql("SELECT " + PARTNER_COLUMNS + " FROM partners" + filters.where() + order + limit,
          List.of(filters.params(listing.limit())));
    }
    PartnerListing.Position p = position.get();
    Object value = byTier ? tierRank(p.tier()) : p.createdAt();
    Conditions beyond = filters.copy().and(key + (descending ? " <= ?" : " >= ?"), after(value, descending));
    if (!byTier && !p.createdAt().equals(p.createdAt().truncatedTo(ChronoUnit.MICROS))) {
      return new Sql("SELECT " + PARTNER_COLUMNS + " FROM partners" + beyond.where() + order + limit,
          List.of(beyond.params(listing.limit())));
    }
    Conditions ties = filters.copy().and(key + " = ?", value).and(afterName, p.nameKey());
    String columns = PARTNER_COLUMNS + ", name_key" + (byTier ? ", tier_rank" : "");
    List<Object> params = new ArrayList<>(List.of(ties.params(listing.limit())));
    params.addAll(List.of(beyond.params(listing.limit(), listing.limit())));
    return new Sql(
        "SELECT " + PARTNER_COLUMNS + " FROM ((SELECT " + columns + " FROM partners" + ties.where() + order + limit
            + ") UNION ALL (SELECT " + columns + " FROM partners" + beyond.where() + order + limit + ")) page"
            + order + limit,
        List.copyOf(params));
  }

  /**
   * The listing's filters ({@link PartnerListing#matches}) as {@code WHERE} terms: {@code tier IN
   * (...)}, {@code status IN (...)}; a name prefix as the range {@code nk >= ? AND nk < ?} (the
   * prefix and {@link #prefixEnd}: a range of the name-key index also in a plan made before the
   * values are known), which holds exactly the keys that start with the prefix when the end differs
   * from it only in the last character, and else is narrowed by {@code AND nk LIKE ? ESCAPE '\'}
   * (the escaped prefix and {@code %}); contained text as {@code nk LIKE ? ESCAPE '\'} with {@code
   * %} on both sides; the email text as {@code TRANSLATE(contact_email, 'A..Z', 'a..z') LIKE ?
   * ESCAPE '\'}, the ASCII letters lower-cased as {@link PartnerListing#asciiLowerCase} does.
   * (Adding the LIKE to an exact range would make PostgreSQL count the prefix's selectivity twice
   * and prefer reading and sorting the whole range to reading the index in order.)
   */
  private static Conditions filters(Dialect dialect, PartnerListing listing) {
    Conditions c = new Conditions();
    String nameKey = dialect.orderByText("name_key");
    if (!listing.tiers().isEmpty()) {
      c.and("tier IN (" + Jdbc.placeholders(listing.tiers().size()) + ")", new TreeSet<>(listing.tiers()).toArray());
    }
    if (!listing.statuses().isEmpty()) {
      c.and("status IN (" + Jdbc.placeholders(listing.statuses().size()) + ")",
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
    listing.emailContains().ifPresent(text -> c.and("TRANSLATE(contact_email, '" + ASCII_UPPER + "', '"
        + ASCII_UPPER.toLowerCase(Locale.ROOT) + "')" + LIKE, "%" + likeLiteral(text) + "%"));
    return c;
  }

  /**
   * The first value after {@code value} in the order ({@code descending}: the last before it) that a
   * row can hold: the next rank, or the next microsecond (the precision of the stored times).
   */
  static Object after(Object value, boolean descending) {
    if (value instanceof Integer rank) {
      return descending ? rank - 1 : rank + 1;
    }
    Instant t = (Instant) value;
    Instant micros = t.truncatedTo(ChronoUnit.MICROS);
    if (descending) {
      return micros.equals(t) ? micros.minus(1, ChronoUnit.MICROS) : micros;
    }
    return micros.plus(1, ChronoUnit.MICROS);
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

  /** {@code text} for a LIKE pattern with escape character {@code \}: {@code \}, {@code %} and {@code _} escaped. */
  static String likeLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        out.append('\\');
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

  @Override
  public Map<PartnerId, ClientTotals> clientTotals(Collection<PartnerId> ids) {
    Set<PartnerId> unique = new LinkedHashSet<>(ids);
    Map<PartnerId, ClientTotals> out = new HashMap<>();
    for (PartnerId id : unique) {
      out.put(id, ClientTotals.NONE);
    }
    List<UUID> all = unique.stream().map(PartnerId::value).toList();
    for (int from = 0; from < all.size(); from += MAX_IN_LIST) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + MAX_IN_LIST));
      jdbc.list(
          "SELECT partner_id, COUNT(*) AS clients, SUM(server_count) AS servers FROM partner_clients"
              + " WHERE partner_id IN (" + Jdbc.placeholders(chunk.size()) + ") GROUP BY partner_id",
          rs -> {
            out.put(new PartnerId(Jdbc.uuid(rs, "partner_id")), totals(rs));
            return true; // no result: the work must return non-null
          },
          chunk.toArray());
    }
    return out;
  }

  @Override
  public ClientTotals clientTotals(PartnerId id) {
    return jdbc.first(
            "SELECT COUNT(*) AS clients, SUM(server_count) AS servers FROM partner_clients WHERE partner_id = ?",
            JdbcPartners::totals, id.value())
        .orElse(ClientTotals.NONE);
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
        JdbcPartners::tierChange, id.value());
  }

  @Override
  public List<TierChange> tierHistory(PartnerId id, int afterSequence, int limit) {
    // LIST-1: seeks through the primary key (partner_id, sequence_no)
    return jdbc.list(
        "SELECT partner_id, sequence_no, from_tier, to_tier, changed_at, changed_by, reason"
            + " FROM partner_tier_history WHERE partner_id = ? AND sequence_no > ? ORDER BY partner_id, sequence_no"
            + " FETCH FIRST ? ROWS ONLY",
        JdbcPartners::tierChange, id.value(), afterSequence, limit);
  }

  @Override
  public void insertClient(Client c) {
    jdbc.update(
        () -> "client name '" + c.name() + "' or id " + c.id() + " is taken",
        "INSERT INTO partner_clients (" + CLIENT_COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        c.id().value(), c.partnerId().value(), c.name(), c.serverCount(), c.createdAt(), c.updatedAt(),
        c.version(), c.nameKey());
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    return jdbc.first("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE id = ?", JdbcPartners::client, id.value());
  }

  @Override
  public boolean updateClient(Client c, long expectedVersion) {
    int rows = jdbc.update(
        () -> "client name '" + c.name() + "' is taken",
        "UPDATE partner_clients SET partner_id = ?, name = ?, name_key = ?, server_count = ?, created_at = ?,"
            + " updated_at = ?, version = ? WHERE id = ? AND version = ?",
        c.partnerId().value(), c.name(), c.nameKey(), c.serverCount(), c.createdAt(), c.updatedAt(), c.version(),
        c.id().value(), expectedVersion);
    return rows == 1;
  }

  @Override
  public boolean deleteClient(ClientId id, long expectedVersion) {
    int rows = jdbc.update(
        "DELETE FROM partner_clients WHERE id = ? AND version = ?", id.value(), expectedVersion);
    return rows == 1;
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
        JdbcPartners::client, partnerId.value(), nameKey);
  }

  @Override
  public List<Client> clients(PartnerId partnerId) {
    return jdbc.list(
        "SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ? ORDER BY " + byNameKey,
        JdbcPartners::client, partnerId.value());
  }

  @Override
  public List<Client> clients(PartnerId partnerId, Optional<String> afterNameKey, int limit) {
    // LIST-1: seeks through partner_clients_partner_name_ux (binary collation on PostgreSQL, V9);
    // partner_id in the ORDER BY lets H2 see that the index gives the order (NameOrderIndexTest)
    String nameKey = jdbc.dialect().orderByText("name_key");
    String order = " ORDER BY partner_id, " + nameKey + " FETCH FIRST ? ROWS ONLY";
    if (afterNameKey.isEmpty()) {
      return jdbc.list("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ?" + order,
          JdbcPartners::client, partnerId.value(), limit);
    }
    return jdbc.list("SELECT " + CLIENT_COLUMNS + " FROM partner_clients WHERE partner_id = ? AND " + nameKey + " > ?"
        + order, JdbcPartners::client, partnerId.value(), afterNameKey.get(), limit);
  }

  private static PartnerRecord partner(ResultSet rs) throws SQLException {
    return new PartnerRecord(
        new PartnerId(Jdbc.uuid(rs, "id")),
        rs.getString("company_name"),
        rs.getString("contact_email"),
        Jdbc.enumValue(rs, "tier", Tier.class),
        Jdbc.enumValue(rs, "status", PartnerStatus.class),
        Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "updated_at"),
        rs.getLong("version"));
  }

  private static Client client(ResultSet rs) throws SQLException {
    return new Client(
        new ClientId(Jdbc.uuid(rs, "id")),
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        rs.getString("name"),
        rs.getLong("server_count"),
        Jdbc.instant(rs, "created_at"),
        Jdbc.instant(rs, "updated_at"),
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
            Jdbc.instant(rs, "erased_at"), rs.getString("erased_by"), rs.getString("reason"),
            rs.getInt("values_erased")), partnerId.value());
  }

  private static TierChange tierChange(ResultSet rs) throws SQLException {
    return new TierChange(
        new PartnerId(Jdbc.uuid(rs, "partner_id")),
        rs.getInt("sequence_no"),
        Jdbc.optionalEnum(rs, "from_tier", Tier.class),
        Jdbc.enumValue(rs, "to_tier", Tier.class),
        Jdbc.instant(rs, "changed_at"),
        rs.getString("changed_by"),
        rs.getString("reason"));
  }

  /** COUNT and SUM of one group; SUM is NULL when there are no rows. */
  private static ClientTotals totals(ResultSet rs) throws SQLException {
    long clients = rs.getLong("clients");
    long servers = rs.getLong("servers");
    return clients == 0 ? ClientTotals.NONE : new ClientTotals(servers, clients);
  }
}
