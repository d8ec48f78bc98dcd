package cloud.quazzar.partner.testkit.tck;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;
import java.util.function.Supplier;

/**
 * What one TCK test works with: the store under test (new and empty for the test), the test clock,
 * and a program built on both. Capability contracts (one abstract class per capability, each
 * mounted in {@link StoreTck} as a {@code @Nested} class) receive it from {@link StoreTck}.
 *
 * @param store the store under test
 * @param clock the program's clock, starting at {@link StoreTck#START}
 * @param program a program on {@code store} with {@code clock} and sequential ids
 * @param storedText every value {@code store} holds, as text ({@link StoreTck#storedText()})
 * @param otherNodes gives a store on the same data as {@code store} through another node where the
 *     store has several ({@link StoreTck#otherNode()}), else {@code store}; the same one for the
 *     whole test
 */
public record TckContext(Store store, TestClock clock, PartnerProgram program, StoredText storedText,
    Supplier<Store> otherNodes) {
  /**
   * The store a second program of the test uses: on a cluster, another node.
   *
   * @return {@link StoreTck#otherNode()}'s store, opened on first use
   */
  public Store otherNode() {
    return otherNodes.get();
  }
}
