package cloud.quazzar.partner.testkit.tck;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every value a store holds, as text: what the privacy contract searches for erased values
 * (docs/rules.md PRIV-2). A store's TCK class returns one from {@link StoreTck#storedText()}; it
 * must reach every table or collection the store keeps (current records, history, the event log,
 * audit entries, caches), or erased data could hide where the search does not look. Two ready-made
 * searches: {@link #ofDatabase} reads every column of every table of a JDBC schema; {@link
 * #reachableFrom} walks the objects a store holds in memory.
 */
@FunctionalInterface
public interface StoredText {
  /**
   * Gives {@code sink} every stored value as text (in any order, possibly more than once).
   *
   * @param sink what receives each value
   */
  void forEach(Consumer<String> sink);

  /**
   * Every value of every column of every table of {@code schema}, read with {@code
   * ResultSet.getString} (so numbers, dates and UUIDs as their text) through a new connection for
   * each search.
   *
   * @param connections gives a new connection to the store's database; closed after each search
   * @param schema the schema the store's tables are in, as the database names it (H2: {@code
   *     "PUBLIC"} unless the store was given another; MariaDB: the database)
   * @return the search
   */
  static StoredText ofDatabase(Supplier<Connection> connections, String schema) {
    return sink -> {
      try (Connection c = connections.get()) {
        DatabaseMetaData meta = c.getMetaData();
        // MariaDB's schemas are databases, which JDBC calls catalogs
        boolean catalogs = !meta.supportsSchemasInDataManipulation();
        String quote = meta.getIdentifierQuoteString().strip();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = catalogs ? meta.getTables(schema, null, "%", new String[] {"TABLE"})
            : meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
        if (tables.isEmpty()) {
          throw new IllegalStateException("schema " + schema + " has no tables: is it the store's schema?");
        }
        for (String table : tables) {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT * FROM " + quoted(schema, quote) + "." + quoted(table, quote))) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                if (value != null) {
                  sink.accept(value);
                }
              }
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the stored text of schema " + schema + ": " + e.getMessage(), e);
      }
    };
  }

  /**
   * Every value reachable from {@code root} (a store, or the object holding its data): strings,
   * numbers, dates, enums and ids as their text, found through collections, maps, arrays, {@link
   * java.util.Optional}s and the fields of every other object, including the values captured by lambdas (an
   * undo log); objects of the JDK other than those are not entered. On the module path, the
   * store's packages must be open to this module (for example with the JVM option {@code
   * --add-opens}), or the search fails naming the field it could not read.
   *
   * @param root the object holding the store's data
   * @return the search
   */
  static StoredText reachableFrom(Object root) {
    return sink -> new ObjectWalk(sink).visit(root);
  }

  private static String quoted(String identifier, String quote) {
    return quote + identifier.replace(quote, quote + quote) + quote;
  }
}
