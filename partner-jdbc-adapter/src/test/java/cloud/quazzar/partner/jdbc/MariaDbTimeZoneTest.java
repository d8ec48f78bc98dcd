package cloud.quazzar.partner.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Points in time survive MariaDB exactly in a JVM whose time zone has an hour that happens twice
 * (decision MD1): the two instants of the night Berlin's clocks go back, an hour apart, read back
 * as two. Converted through the JVM's zone, as Connector/J does for an {@code OffsetDateTime}, both
 * would be stored as 02:30 local time.
 */
@DisplayName("MariaDB: points in time are stored at UTC, not in the JVM's time zone")
class MariaDbTimeZoneTest {
  @AfterAll
  static void dropLeftovers() {
    MariaDbTestDatabase.ifReachable().ifPresent(MariaDbTestDatabase::dropLeftoverSchemas);
  }

  @Test
  @DisplayName("two instants one hour apart that the JVM's zone shows as the same local time stay two")
  void ambiguousLocalHour() {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    try {
      Instant first = Instant.parse("2026-10-25T00:30:00.123456Z"); // 02:30 CEST
      Instant second = Instant.parse("2026-10-25T01:30:00.654321Z"); // 02:30 CET
      TestClock clock = TestClock.at(first);
      try (Store store = MariaDbTestDatabase.require().openInFreshSchema();
          PartnerProgram program = PartnerProgram.builder().clock(clock).store(store).build()) {
        Partner a = program.registry().add(new NewPartner("Before the change", "a@example.com", Tier.SILVER));
        clock.advance(java.time.Duration.between(first, second));
        Partner b = program.registry().add(new NewPartner("After the change", "b@example.com", Tier.GOLD));
        assertEquals(first, program.registry().get(a.id()).createdAt());
        assertEquals(second, program.registry().get(b.id()).createdAt());
      }
    } finally {
      TimeZone.setDefault(before);
    }
  }
}
