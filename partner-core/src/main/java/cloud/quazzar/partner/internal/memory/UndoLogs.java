package cloud.quazzar.partner.internal.memory;

import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The undo log of a memory write transaction: the one check every memory table makes before a
 * change (a read transaction has no undo log), and the roll-back of a write that threw.
 */
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

  /**
   * Rolls a write back: runs every step of {@code undo}, newest first, and empties it. A step that
   * throws does not stop the others (each step restores its own entry, so skipping the rest would
   * leave the store half-changed); what it threw is added to {@code cause} as suppressed, so the
   * caller rethrows {@code cause} with the whole story.
   */
  static void rollBack(Deque<Runnable> undo, Throwable cause) {
    while (!undo.isEmpty()) {
      Runnable step = undo.pop();
      try {
        step.run();
      } catch (RuntimeException | Error failure) {
        if (failure != cause) {
          cause.addSuppressed(failure);
        }
      }
    }
  }
}
