package cloud.quazzar.partner.testkit;

import cloud.quazzar.partner.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids 00000000-0000-0000-0000-000000000001, ...002, ... in order: predictable ids for tests.
 * Thread-safe. Two generators with different {@code prefix} never collide.
 */
public final class SequentialIds implements IdGenerator {
  private final long prefix;
  private final AtomicLong next = new AtomicLong();

  /** Ids with high bits 0. */
  public SequentialIds() {
    this(0);
  }

  /**
   * Ids whose high 64 bits are {@code prefix}.
   *
   * @param prefix the high 64 bits of every id
   */
  public SequentialIds(long prefix) {
    this.prefix = prefix;
  }

  @Override
  public UUID next() {
    return new UUID(prefix, next.incrementAndGet());
  }
}
