package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.EventRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Domain events in the tables of {@code V6__events.sql}, inside one transaction. {@link #append}
 * takes the row lock of {@code event_counter} first, which orders the commits of event-writing
 * transactions (see the migration); core calls it as the last thing of a write.
 */
final class JdbcEvents implements EventRepository {
  private static final String COLUMNS = "sequence_no, event_type, payload";
  /** From this many events on (a month-end batch), PostgreSQL gets them by COPY, as the ledger rows. */
  static final int COPY_FROM = 50;

  private final Jdbc jdbc;

  JdbcEvents(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long append(List<DomainEvent> events) {
    int n = events.size();
    // the row lock, held to the end of the transaction: commit order = sequence order
    jdbc.update("UPDATE event_counter SET last_sequence = last_sequence + ? WHERE id = 1", n);
    long last = jdbc.number("SELECT last_sequence FROM event_counter WHERE id = 1");
    long first = last - n + 1;
    if (jdbc.dialect() == Dialect.POSTGRESQL && n >= COPY_FROM) {
      jdbc.withConnection("COPY domain_events", () -> "event sequence taken (is the event counter out of step with the log?)",
          c -> copy(c, first, events));
      return last;
    }
    String sql = "INSERT INTO domain_events (sequence_no, partner_id, event_type, occurred_at, payload)"
        + " VALUES (?, ?, ?, ?, ?)";
    jdbc.withConnection(sql, () -> "event sequence taken (is the event counter out of step with the log?)", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        long seq = first;
        for (DomainEvent e : events) {
          PartnerId p = e.partnerId();
          Jdbc.bindAll(ps, seq++, Jdbc.nullable(p == null ? null : p.value(), Types.OTHER), e.type(), e.at(),
              EventCodec.encode(e));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
    return last;
  }

  /** The events by COPY in PostgreSQL's text format. */
  private static Void copy(Connection c, long first, List<DomainEvent> events) throws SQLException {
    long[] seq = {first};
    JdbcRevenue.copyIn(c, "COPY domain_events (sequence_no, partner_id, event_type, occurred_at, payload)"
        + " FROM STDIN (FORMAT text)", events, (sb, e) -> {
          PartnerId p = e.partnerId();
          sb.append(seq[0]++).append('\t').append(p == null ? "\\N" : p.value().toString()).append('\t')
              .append(e.type()).append('\t').append(e.at()).append('\t');
          JdbcRevenue.copyText(sb, EventCodec.encode(e));
          sb.append('\n');
        });
    return null;
  }

  @Override
  public long lastSequence() {
    return jdbc.number("SELECT last_sequence FROM event_counter WHERE id = 1");
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    return jdbc.list("SELECT " + COLUMNS + " FROM domain_events WHERE sequence_no > ? ORDER BY sequence_no"
        + " FETCH FIRST " + limit + " ROWS ONLY", JdbcEvents::record, afterSequence);
  }

  @Override
  public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
    return jdbc.list("SELECT " + COLUMNS + " FROM domain_events WHERE partner_id = ? AND sequence_no > ?"
        + " ORDER BY sequence_no FETCH FIRST " + limit + " ROWS ONLY", JdbcEvents::record,
        partnerId.value(), afterSequence);
  }

  private static EventRecord record(ResultSet rs) throws SQLException {
    return new EventRecord(rs.getLong("sequence_no"),
        EventCodec.decode(rs.getString("event_type"), rs.getString("payload")));
  }

  @Override
  public OptionalLong cursor(String name) {
    Optional<Long> p = jdbc.first("SELECT position_no FROM event_cursors WHERE listener = ?",
        rs -> rs.getLong(1), name);
    return p.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }

  @Override
  public OptionalLong claim(String name, String owner, Instant now, Instant until, long initialPosition) {
    int taken = jdbc.update("UPDATE event_cursors SET lease_owner = ?, lease_until = ? WHERE listener = ?"
        + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until IS NULL OR lease_until <= ?)",
        owner, until, name, owner, now);
    if (taken == 1) {
      return cursor(name);
    }
    if (cursor(name).isPresent()) {
      return OptionalLong.empty(); // another program holds the lease
    }
    // a new name; two programs creating it at once: one insert wins, the other is a conflict that
    // rolls its transaction back (the delivery then tries again)
    jdbc.update(() -> "event listener '" + name + "' was created by another program meanwhile",
        "INSERT INTO event_cursors (listener, position_no, lease_owner, lease_until) VALUES (?, ?, ?, ?)",
        name, initialPosition, owner, until);
    return OptionalLong.of(initialPosition);
  }

  @Override
  public boolean advance(String name, String owner, long position, Instant until) {
    return jdbc.update("UPDATE event_cursors SET position_no = CASE WHEN position_no < ? THEN ? ELSE position_no END,"
        + " lease_until = ? WHERE listener = ? AND lease_owner = ?", position, position, until, name, owner) == 1;
  }
}
