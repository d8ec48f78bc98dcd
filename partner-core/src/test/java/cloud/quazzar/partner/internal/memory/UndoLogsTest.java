package cloud.quazzar.partner.internal.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The memory store's roll-back (decision D10: atomic by an undo log). */
class UndoLogsTest {
  @Test
  @DisplayName("a roll-back runs every undo step, newest first, even when some throw; their failures are suppressed on the cause")
  void everyStepRuns() {
    List<String> ran = new ArrayList<>();
    Deque<Runnable> undo = new ArrayDeque<>();
    IllegalStateException second = new IllegalStateException("undo 2 failed");
    AssertionError fourth = new AssertionError("undo 4 failed");
    undo.push(() -> ran.add("1"));
    undo.push(() -> {
      ran.add("2");
      throw second;
    });
    undo.push(() -> ran.add("3"));
    undo.push(() -> {
      ran.add("4");
      throw fourth;
    });
    undo.push(() -> ran.add("5"));
    RuntimeException cause = new RuntimeException("the work threw");

    UndoLogs.rollBack(undo, cause);

    assertEquals(List.of("5", "4", "3", "2", "1"), ran);
    assertTrue(undo.isEmpty());
    assertArrayEquals(new Throwable[] {fourth, second}, cause.getSuppressed());
  }
}
