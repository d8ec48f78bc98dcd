package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.registry.Names;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stored name keys to the library's text rule (docs/rules.md TEXT-2) when a store opens.
 * SQL cannot compute {@link Names#key}, so {@code V7__text_rules.sql} records in {@code text_rules}
 * which rule the stored keys follow; a database that held partners before V7 starts at rule 0. Since
 * {@code V10__certification_lists.sql} certification records have name keys too (the order of a
 * partner's certifications, docs/rules.md LIST-4), with their own {@code certification_key_rule}: 0
 * on a database that held certifications before V10, whose keys are missing.
 *
 * <p>One write transaction, entered only when a stored rule is older (a plain read otherwise, so a
 * role without UPDATE rights opens an up-to-date database): it claims the row (an {@code UPDATE}
 * whose {@code WHERE} names the rules it read, so of several nodes opening at once one re-keys and
 * the others find it done), recomputes the keys of what is older and writes those that differ.
 * Stored names are not changed. Partner and client names whose new keys collide ({@code "Acme"} and
 * {@code "Acme"} after a no-break space were two partners before) cannot all have the key: the one
 * that has it already, else the oldest, gets it; each other keeps its old key, is named in a
 * warning, and gets a key of the current rule when it is renamed. Certification keys are not unique:
 * each gets its key, read and written a batch at a time.
 */
final class TextKeys {
  private static final Logger LOG = LoggerFactory.getLogger(TextKeys.class);

  /** The rule of {@link Names#key} in this version (see {@code V7__text_rules.sql}). */
  static final int KEY_RULE = 1;

  /** How many certifications the re-keying reads at a time. */
  private static final int CERTIFICATION_BATCH = 1000;

  private TextKeys() {}

  /** A row with a name key: a partner (no owner) or a client (owned by its partner). */
  private record Row(UUID id, UUID owner, String name, String storedKey, Instant createdAt) {}

  /** Re-keys {@code store}'s partners, clients and certifications if their rule is older than {@link #KEY_RULE}. */
  static void refresh(JdbcStore store) {
    Rules stored = store.read(tx -> rules(((JdbcTransaction) tx).jdbc()));
    if (stored.names() >= KEY_RULE && stored.certifications() >= KEY_RULE) {
      return;
    }
    store.write(tx -> {
      Jdbc jdbc = ((JdbcTransaction) tx).jdbc();
      Rules read = rules(jdbc);
      if (jdbc.update("UPDATE text_rules SET key_rule = ?, certification_key_rule = ? WHERE id = 1 AND key_rule = ?"
              + " AND certification_key_rule = ? AND (key_rule < ? OR certification_key_rule < ?)",
          KEY_RULE, KEY_RULE, read.names(), read.certifications(), KEY_RULE, KEY_RULE) == 0) {
        return false; // another node re-keyed first
      }
      if (read.names() < KEY_RULE) {
        UUID none = new UUID(0, 0);
        int partners = rekey(jdbc, "partners", jdbc.list(
            "SELECT id, company_name, name_key, created_at FROM partners",
            rs -> row(jdbc, rs, none, "company_name")));
        int clients = rekey(jdbc, "partner_clients", jdbc.list(
            "SELECT id, partner_id, name, name_key, created_at FROM partner_clients",
            rs -> row(jdbc, rs, Jdbc.uuid(rs, "partner_id"), "name")));
        LOG.info("partner schema in {}: name keys brought to text rule {} ({} partner and {} client keys changed)",
            store.description(), KEY_RULE, partners, clients);
      }
      int certifications = rekeyCertifications(jdbc);
      LOG.info("partner schema in {}: certification name keys brought to text rule {} ({} changed)",
          store.description(), KEY_RULE, certifications);
      return true;
    });
  }

  /** The rules the stored keys follow: of partners and clients, and of certifications. */
  private record Rules(long names, long certifications) {}

  private static Rules rules(Jdbc jdbc) {
    return jdbc.first("SELECT key_rule, certification_key_rule FROM text_rules WHERE id = 1",
        rs -> new Rules(rs.getLong("key_rule"), rs.getLong("certification_key_rule"))).orElseThrow();
  }

  /**
   * Writes the key of every certification whose stored key is missing or differs, reading them a
   * batch at a time in id order (no unique keys: no collisions); returns how many.
   */
  private static int rekeyCertifications(Jdbc jdbc) {
    record Cert(UUID id, String name, @Nullable String storedKey) {}
    int changed = 0;
    UUID after = new UUID(0, 0);
    boolean first = true;
    while (true) {
      List<Cert> batch = jdbc.list("SELECT id, name, name_key FROM partner_certifications"
              + (first ? "" : " WHERE id > ?") + " ORDER BY id FETCH FIRST " + CERTIFICATION_BATCH + " ROWS ONLY",
          rs -> new Cert(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("name_key")),
          first ? new Object[0] : new Object[] {after});
      for (Cert c : batch) {
        String key = Names.key(c.name());
        if (!key.equals(c.storedKey())) {
          jdbc.update("UPDATE partner_certifications SET name_key = ? WHERE id = ?", key, c.id());
          changed++;
        }
      }
      if (batch.size() < CERTIFICATION_BATCH) {
        return changed;
      }
      after = batch.get(batch.size() - 1).id();
      first = false;
    }
  }

  private static Row row(Jdbc jdbc, ResultSet rs, UUID owner, String nameColumn) throws SQLException {
    return new Row(Jdbc.uuid(rs, "id"), owner, rs.getString(nameColumn), rs.getString("name_key"),
        jdbc.dialect().instant(rs, "created_at"));
  }

  /** Writes the new key of every row whose key changes and whose new key is free; returns how many. */
  private static int rekey(Jdbc jdbc, String table, List<Row> rows) {
    Map<List<Object>, List<Row>> byNewKey = new HashMap<>();
    for (Row r : rows) {
      byNewKey.computeIfAbsent(List.of(r.owner(), Names.key(r.name())), k -> new ArrayList<>()).add(r);
    }
    int changed = 0;
    for (Map.Entry<List<Object>, List<Row>> group : byNewKey.entrySet()) {
      String newKey = (String) group.getKey().get(1);
      List<Row> same = group.getValue();
      // the one that already has the key keeps it; else the oldest gets it
      same.sort(Comparator.comparing((Row r) -> !r.storedKey().equals(newKey)).thenComparing(Row::createdAt)
          .thenComparing(Row::id));
      Row winner = same.get(0);
      if (!winner.storedKey().equals(newKey)) {
        jdbc.update(() -> table + " " + winner.id() + ": its new name key is another row's old key",
            "UPDATE " + table + " SET name_key = ? WHERE id = ?", newKey, winner.id());
        changed++;
      }
      for (Row loser : same.subList(1, same.size())) {
        LOG.warn("{} {} ('{}') has the same name as {} ('{}') under the text rules (docs/rules.md TEXT-2): it keeps"
            + " its old name key until renamed", table, loser.id(), loser.name(), winner.id(), winner.name());
      }
    }
    return changed;
  }
}
