package cloud.quazzar.partner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.memory.MemoryStorage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Retry}'s policy on its own: what is retried, what is thrown at once. */
class RetryTest {
  private final OutboxStore store = new OutboxStore(MemoryStorage.create());

  @Test
  @DisplayName("a conflict of any reason is retried, and the next attempt's result returned")
  void everyReasonRetried() {
    for (ConflictException.Reason reason : ConflictException.Reason.values()) {
      AtomicInteger attempts = new AtomicInteger();
      String result = Retry.write(store, "test", tx -> {
        if (attempts.incrementAndGet() < Retry.MAX_ATTEMPTS) {
          throw new ConflictException(reason, "lost " + attempts.get());
        }
        return "won";
      });
      assertEquals("won", result, reason::name);
      assertEquals(Retry.MAX_ATTEMPTS, attempts.get(), reason::name);
    }
  }

  @Test
  @DisplayName("a decided conflict is thrown as it is, after one attempt")
  void decidedNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    ConflictException decided = new ConflictException(ConflictException.Reason.STATE, "nothing to correct");
    ConflictException e = assertThrows(ConflictException.class, () -> Retry.write(store, "test", tx -> {
      attempts.incrementAndGet();
      throw Retry.decided(decided);
    }));
    assertSame(decided, e);
    assertEquals(1, attempts.get());
  }

  @Test
  @DisplayName("a diagnosis may decide a conflict: thrown as it is, not retried")
  void diagnosisDecides() {
    AtomicInteger attempts = new AtomicInteger();
    ConflictException better = new ConflictException(ConflictException.Reason.DUPLICATE, "recordings[3]: already recorded");
    ConflictException e = assertThrows(ConflictException.class, () -> Retry.write(store, "test", tx -> {
      attempts.incrementAndGet();
      throw new ConflictException(ConflictException.Reason.DUPLICATE, "unique index");
    }, conflict -> {
      throw Retry.decided(better);
    }));
    assertSame(better, e);
    assertEquals(1, attempts.get());
  }

  @Test
  @DisplayName("what is not a conflict is thrown at once: a storage failure, an id of nothing")
  void otherFailuresNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(StorageException.class, () -> Retry.write(store, "test", tx -> {
      attempts.incrementAndGet();
      throw new StorageException("disk full");
    }));
    assertThrows(NotFoundException.class, () -> Retry.write(store, "test", tx -> {
      attempts.incrementAndGet();
      throw new NotFoundException("partner", "p-1");
    }));
    assertEquals(2, attempts.get());
  }
}
