package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partners, clients and tier history in the tables of {@code V1__partners.sql}, inside one
 * transaction. Uniqueness (REG-2) comes from the unique indexes, optimistic locking (REG-6) from {@code
 * UPDATE ... WHERE id = ? AND version = ?}.
 */
final class JdbcPartners implements PartnerRepository {
  private static final String PARTNER_COLUMNS =
      "id, company_name, contact_email, tier, status, created_at, updated_at, version";
  private static final String CLIENT_COLUMNS =
      "id, partner_id, name, server_count, created_at, updated_at, version";

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
        "INSERT INTO partners (" + PARTNER_COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.id().value(), p.companyName(), p.contactEmail(), p.tier(), p.status(), p.createdAt(),
        p.updatedAt(), p.version(), p.nameKey());
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
        "UPDATE partners SET company_name = ?, name_key = ?, contact_email = ?, tier = ?, status = ?,"
            + " created_at = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
        p.companyName(), p.nameKey(), p.contactEmail(), p.tier(), p.status(), p.createdAt(), p.updatedAt(),
        p.version(), p.id().value(), expectedVersion);
    return rows == 1;
  }

  @Override
  public Page<PartnerRecord> list(PartnerQuery q) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    if (!q.tiers().isEmpty()) {
      where.append(" WHERE tier IN (").append(Jdbc.placeholders(q.tiers().size())).append(')');
      params.addAll(q.tiers());
    }
    if (!q.statuses().isEmpty()) {
      where.append(where.length() == 0 ? " WHERE" : " AND")
          .append(" status IN (").append(Jdbc.placeholders(q.statuses().size())).append(')');
      params.addAll(q.statuses());
    }
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(q.offset());
    pageParams.add(q.limit());
    List<PartnerRecord> items = jdbc.list(
        "SELECT " + PARTNER_COLUMNS + " FROM partners" + where + " ORDER BY " + byNameKey
            + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
        JdbcPartners::partner, pageParams.toArray());
    long total;
    if (q.offset() == 0 && items.size() < q.limit()) {
      total = items.size(); // the first page holds every match: no need to count
    } else {
      total = jdbc.number("SELECT COUNT(*) FROM partners" + where, params.toArray());
    }
    return new Page<>(items, q.offset(), q.limit(), total);
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
