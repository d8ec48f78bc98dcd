package cloud.quazzar.partner.internal.memory;

import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** The one check every memory table makes before a change: a read transaction has no undo log. */
final class UndoLogs {
  private UndoLogs() {}

  /**
   * The transaction's undo log.
   *
   * @throws IllegalStateException if {@code undo} is null: a write in a read-only transaction
   */
  static Deque<Runnable> writable(@Nullable Deque<Runnable> undo) {
    if (undo == null) {
      throw new IllegalStateException("write attempted in a read-only transaction");
    }
    return undo;
  }
}
