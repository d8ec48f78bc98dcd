package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.ConfigurationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What differs between the databases (Dialect), where it can be checked without a server. */
@DisplayName("Dialects")
class DialectTest {
  @Test
  @DisplayName("URLs and product names choose the dialect; MySQL is refused by name")
  void chosen() {
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.ofUrl("jdbc:mariadb://db:3306/panel"));
    assertEquals(Optional.of(Dialect.MARIADB), Dialect.ofUrl("jdbc:mariadb:sequential://n1,n2,n3/panel"));
    assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.ofUrl("jdbc:postgresql://db/panel"));
    assertEquals(Optional.empty(), Dialect.ofUrl("jdbc:mysql://db/panel"));
    assertEquals(Dialect.MARIADB, Dialect.ofProduct("MariaDB", "db"));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Dialect.ofProduct("MySQL", "the db"));
    assertTrue(e.getMessage().contains("not MySQL"), e.getMessage());
  }

  @Test
  @DisplayName("MariaDB binds a point in time as its UTC wall clock, whatever the JVM's time zone; the others with its offset")
  void timestamps() {
    Instant t = Instant.parse("2026-10-25T00:30:00.123456Z");
    assertEquals(LocalDateTime.parse("2026-10-25T00:30:00.123456"), Dialect.MARIADB.timestamp(t));
    assertEquals(OffsetDateTime.parse("2026-10-25T00:30:00.123456Z"), Dialect.POSTGRESQL.timestamp(t));
    assertEquals(OffsetDateTime.parse("2026-10-25T00:30:00.123456Z"), Dialect.H2.timestamp(t));
  }

  @Test
  @DisplayName("MariaDB lower-cases the 26 ASCII capitals of an expression and nothing else (no TRANSLATE there)")
  void asciiLowerCase() {
    String sql = Dialect.MARIADB.asciiLowerCase("p.contact_email");
    assertEquals(26, sql.split("REPLACE\\(", -1).length - 1);
    assertTrue(sql.startsWith("REPLACE(REPLACE("), sql);
    assertTrue(sql.contains("p.contact_email, 'A', 'a')"), sql);
    assertTrue(sql.endsWith(", 'Z', 'z')"), sql);
    assertEquals("TRANSLATE(e, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')",
        Dialect.POSTGRESQL.asciiLowerCase("e"));
  }

  @Test
  @DisplayName("identifiers are quoted the database's way, quotes inside doubled")
  void quoting() {
    assertEquals("`a``b`", Dialect.MARIADB.quoteIdentifier("a`b"));
    assertEquals("\"a\"\"b\"", Dialect.POSTGRESQL.quoteIdentifier("a\"b"));
  }
}
