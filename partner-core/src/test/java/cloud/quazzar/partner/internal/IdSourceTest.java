package cloud.quazzar.partner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every id a program makes comes from its {@link IdGenerator}: records' ids and its name as an event lease holder. */
class IdSourceTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);

  /** Ids 0x1d-...-1, -2, ... like the testkit's SequentialIds. */
  private static IdGenerator sequential(long prefix) {
    AtomicLong next = new AtomicLong();
    return () -> new UUID(prefix, next.incrementAndGet());
  }

  private static List<String> owners(CollidingStore store) {
    return store.calls().stream().filter(c -> c.startsWith("claim("))
        .map(c -> c.split(", ")[1]).distinct().toList();
  }

  @Test
  @DisplayName("the event lease owner is drawn from the program's id generator, at the first subscription, so sequential ids make it predictable")
  void leaseOwnerFromTheGenerator() {
    CollidingStore store = new CollidingStore(MemoryStorage.create());
    try (PartnerProgram program = PartnerProgram.builder().clock(CLOCK).store(store).idGenerator(sequential(0x1D))
        .eventExecutor(Runnable::run).build()) {
      Partner first = program.registry().add(new NewPartner("Atlas Cloud", "ops@atlas.example", Tier.GOLD));
      assertEquals(new UUID(0x1D, 1), first.id().value(), "a program without listeners draws no id for them");
      program.events().subscribe("audit", r -> {});
      program.events().subscribe("billing", r -> {});
      Partner second = program.registry().add(new NewPartner("Harbor Logistics", "ops@harbor.example", Tier.SILVER));
      assertEquals(List.of("program-" + new UUID(0x1D, 2)), owners(store), "one owner, the generator's second id");
      assertEquals(new UUID(0x1D, 3), second.id().value());
      assertTrue(program.events().cursor("audit") > 0, "delivered under that owner");
    }
  }

  @Test
  @DisplayName("two programs sharing a store with their own generators hold leases under their own names")
  void ownersDifferByGenerator() {
    CollidingStore a = new CollidingStore(MemoryStorage.create());
    CollidingStore b = new CollidingStore(a);
    try (PartnerProgram one = PartnerProgram.builder().clock(CLOCK).store(a).idGenerator(sequential(1))
            .eventExecutor(r -> {}).build();
        PartnerProgram two = PartnerProgram.builder().clock(CLOCK).store(b).idGenerator(sequential(2))
            .eventExecutor(r -> {}).build()) {
      one.events().subscribe("audit", r -> {});
      two.events().subscribe("audit", r -> {});
      assertEquals(List.of("program-" + new UUID(2, 1)), owners(b));
      List<String> all = owners(a);
      assertEquals(List.of("program-" + new UUID(1, 1), "program-" + new UUID(2, 1)), all);
      assertFalse(all.get(0).equals(all.get(1)));
    }
  }
}
