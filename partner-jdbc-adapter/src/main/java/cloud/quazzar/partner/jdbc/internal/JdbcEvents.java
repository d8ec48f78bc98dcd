package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.events.DomainEvent;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerEvent;
import cloud.quazzar.partner.events.RevenueCorrected;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.EventRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Domain events in the tables of {@code V6__events.sql}, inside one transaction. {@link #append}
 * takes the row lock of {@code event_counter} first, which orders the commits of event-writing
 * transactions (EVT-3; see the migration); core calls it as the last thing of a write.
 */
final class JdbcEvents implements EventRepository {
  /**
   * The event columns and, joined, the ledger row a revenue event names: a revenue event stores
   * only the entry's id (the ledger row is its payload; ledger rows never change), which keeps a
   * month-end batch's events small (docs/benchmarks.md).
   */
  private static final String SELECT = "SELECT e.sequence_no, e.event_type, e.payload, e.revenue_entry_id AS event_entry_id, "
      + Arrays.stream(JdbcRevenue.COLUMNS.split(",")).map(c -> "r." + c.strip()).collect(Collectors.joining(", "))
      + " FROM domain_events e LEFT JOIN revenue_entries r ON r.id = e.revenue_entry_id";
  private static final String INSERT = "INSERT INTO domain_events"
      + " (sequence_no, partner_id, event_type, occurred_at, payload, revenue_entry_id) VALUES (?, ?, ?, ?, ?, ?)";
  /** The message of a unique violation on the event log, which the counter's lock rules out. */
  private static String taken() {
    return "event sequence taken (is the event counter out of step with the log?)";
  }
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
      jdbc.withConnection("COPY domain_events", JdbcEvents::taken, c -> copy(c, first, events));
      return last;
    }
    jdbc.withConnection(INSERT, JdbcEvents::taken, c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        long seq = first;
        for (DomainEvent e : events) {
          Optional<RevenueEntry> entry = ledgerEntry(e);
          Jdbc.bindAll(ps, jdbc.dialect(), seq++, Jdbc.nullable(partnerOf(e).map(PartnerId::value), Types.OTHER), e.type(), e.at(),
              entry.isEmpty() ? EventCodec.encode(e) : "",
              Jdbc.nullable(entry.map(x -> x.id().value()), Types.OTHER));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return true; // no result: the work must return non-null
    });
    return last;
  }

  /** The events by COPY in PostgreSQL's text format. */
  private static Void copy(Connection c, long first, List<DomainEvent> events) throws SQLException {
    long[] seq = {first};
    PostgresCopy.copyIn(c, "COPY domain_events (sequence_no, partner_id, event_type, occurred_at, payload, revenue_entry_id)"
        + " FROM STDIN (FORMAT text)", events, (sb, e) -> {
          sb.append(seq[0]++).append('\t').append(partnerOf(e).map(p -> p.value().toString()).orElse("\\N"))
              .append('\t').append(e.type()).append('\t').append(e.at()).append('\t');
          Optional<RevenueEntry> entry = ledgerEntry(e);
          if (entry.isEmpty()) {
            JdbcRevenue.copyText(sb, EventCodec.encode(e));
            sb.append("\t\\N\n");
          } else {
            sb.append('\t').append(entry.get().id().value()).append('\n');
          }
        });
    return null;
  }

  @Override
  public boolean replace(long sequence, DomainEvent event) {
    if (ledgerEntry(event).isPresent()) {
      // a revenue event is a reference to its ledger row, which eraseReasons has erased already
      return jdbc.number("SELECT COUNT(*) FROM domain_events WHERE sequence_no = ?", sequence) > 0;
    }
    return jdbc.update("UPDATE domain_events SET payload = ? WHERE sequence_no = ?", EventCodec.encode(event),
        sequence) > 0;
  }

  @Override
  public long lastSequence() {
    return jdbc.number("SELECT last_sequence FROM event_counter WHERE id = 1");
  }

  @Override
  public List<EventRecord> after(long afterSequence, int limit) {
    return jdbc.list(SELECT + " WHERE e.sequence_no > ? ORDER BY e.sequence_no"
        + " FETCH FIRST " + limit + " ROWS ONLY", this::record, afterSequence);
  }

  @Override
  public List<EventRecord> ofPartner(PartnerId partnerId, long afterSequence, int limit) {
    return jdbc.list(SELECT + " WHERE e.partner_id = ? AND e.sequence_no > ?"
        + " ORDER BY e.sequence_no FETCH FIRST " + limit + " ROWS ONLY", this::record,
        partnerId.value(), afterSequence);
  }

  private EventRecord record(ResultSet rs) throws SQLException {
    String type = rs.getString("event_type");
    DomainEvent event;
    if (rs.getObject("id") != null) {
      RevenueEntry entry = JdbcRevenue.entry(rs, jdbc.dialect());
      event = switch (type) {
        case "RevenueRecorded" -> new RevenueRecorded(entry);
        case "RevenueCorrected" -> new RevenueCorrected(entry);
        default -> throw new SQLException("event " + rs.getLong("sequence_no") + " of type " + type
            + " names a ledger entry");
      };
    } else if (rs.getObject("event_entry_id") != null) {
      throw new SQLException("event " + rs.getLong("sequence_no") + " (" + type + ") names ledger entry "
          + rs.getObject("event_entry_id") + ", which is not in revenue_entries: the append-only ledger was changed");
    } else {
      event = EventCodec.decode(type, rs.getString("payload"));
    }
    return new EventRecord(rs.getLong("sequence_no"), event);
  }

  /** The ledger entry a revenue event announces (stored as a reference), or null for other events. */
  private static Optional<RevenueEntry> ledgerEntry(DomainEvent e) {
    if (e instanceof RevenueRecorded r) {
      return Optional.of(r.entry());
    }
    if (e instanceof RevenueCorrected c) {
      return Optional.of(c.correction());
    }
    return Optional.empty();
  }

  /** The partner a {@link PartnerEvent} is about; empty for a program-wide event. */
  private static Optional<PartnerId> partnerOf(DomainEvent e) {
    return e instanceof PartnerEvent p ? Optional.of(p.partnerId()) : Optional.empty();
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

  @Override
  public Map<String, Long> cursors() {
    Map<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, Long> c : jdbc.list("SELECT listener, position_no FROM event_cursors",
        rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
      out.put(c.getKey(), c.getValue());
    }
    return out;
  }

  @Override
  public boolean removeCursor(String name) {
    return jdbc.update("DELETE FROM event_cursors WHERE listener = ?", name) > 0;
  }

  /**
   * Walks the primary key from the start of the log (where pruning happens) and stops at the first
   * young event: no index on occurred_at is needed, and the rows it reads are the ones a run with
   * this bound deletes anyway.
   */
  @Override
  public OptionalLong firstAtOrAfter(Instant instant, long upToSequence) {
    Optional<Long> s = jdbc.first("SELECT sequence_no FROM domain_events WHERE sequence_no <= ? AND occurred_at >= ?"
        + " ORDER BY sequence_no FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), upToSequence, instant);
    return s.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }

  /**
   * The kept log is one run of consecutive sequences (EVT-10), so one batch is a primary-key range
   * from its first event: {@code MIN} reads one index entry, the delete locks only the rows it
   * deletes (and on MariaDB the gap below the next kept row, which no insert needs: appends go at the
   * end). The counter row is not touched: the numbering goes on.
   */
  @Override
  public long prune(long upToSequence, int limit) {
    long first = jdbc.number("SELECT MIN(sequence_no) FROM domain_events");
    if (first == 0 || first > upToSequence) {
      return 0;
    }
    long to = Math.min(upToSequence, first + limit - 1);
    return jdbc.update("DELETE FROM domain_events WHERE sequence_no >= ? AND sequence_no <= ?", first, to);
  }
}
