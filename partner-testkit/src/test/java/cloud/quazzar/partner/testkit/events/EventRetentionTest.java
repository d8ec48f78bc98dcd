package cloud.quazzar.partner.testkit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.EventRetention;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retention policy's value and the program's own pruning timer (docs/events.md, "Retention"). */
class EventRetentionTest {
  @Test
  @DisplayName("EVT-9: the policy's parts: keepAll has none, maxAge and keepLast combine, equal by value")
  void parts() {
    assertTrue(EventRetention.keepAll().keepsAll(), "keepAll keeps everything");
    assertEquals(Optional.empty(), EventRetention.keepAll().maxAge());
    assertEquals(OptionalLong.empty(), EventRetention.keepAll().keepLast());
    EventRetention both = EventRetention.maxAge(Duration.ofDays(30)).withKeepLast(0).pruneEvery(Duration.ofMinutes(10));
    assertFalse(both.keepsAll(), "a policy with an age prunes");
    assertEquals(Optional.of(Duration.ofDays(30)), both.maxAge());
    assertEquals(OptionalLong.of(0), both.keepLast());
    assertEquals(Optional.of(Duration.ofMinutes(10)), both.pruneInterval());
    assertEquals(both, EventRetention.keepLast(0).withMaxAge(Duration.ofDays(30)).pruneEvery(Duration.ofMinutes(10)));
    assertEquals(both.hashCode(),
        EventRetention.keepLast(0).withMaxAge(Duration.ofDays(30)).pruneEvery(Duration.ofMinutes(10)).hashCode());
    assertNotEquals(both, EventRetention.maxAge(Duration.ofDays(30)).withKeepLast(0));
    assertEquals("EventRetention[maxAge=PT720H, keepLast=0, every PT10M]", both.toString());
    assertEquals("EventRetention[keep all]", EventRetention.keepAll().toString());
  }

  @Test
  @DisplayName("EVT-9: with pruneEvery the program prunes on its own timer, by its policy")
  void ownTimer() {
    TestClock clock = TestClock.at(Instant.parse("2026-02-01T10:00:00Z"));
    try (PartnerProgram program = PartnerProgram.builder().clock(clock).store(MemoryStorage.create())
        .eventExecutor(Runnable::run).eventRetention(EventRetention.keepLast(1).pruneEvery(Duration.ofSeconds(1)))
        .build()) {
      for (int i = 0; i < 5; i++) {
        program.registry().add(new NewPartner("Partner " + i, "p" + i + "@timer.example", Tier.SILVER));
      }
      List<Long> kept = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        List<Long> seqs = program.events().after(0, 100).stream().map(EventRecord::sequence).toList();
        while (seqs.size() > 1) { // the first run is one second after build()
          Thread.sleep(50);
          seqs = program.events().after(0, 100).stream().map(EventRecord::sequence).toList();
        }
        return seqs;
      });
      assertEquals(List.of(5L), kept, "the last one stays");
      assertEquals(5, program.events().lastSequence());
    }
  }
}
