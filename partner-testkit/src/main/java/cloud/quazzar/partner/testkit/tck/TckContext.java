package cloud.quazzar.partner.testkit.tck;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.testkit.TestClock;

/**
 * What one TCK test works with: the store under test (new and empty for the test), the test clock,
 * and a program built on both. Capability contracts (one abstract class per capability, each
 * mounted in {@link StoreTck} as a {@code @Nested} class) receive it from {@link StoreTck}.
 *
 * @param store the store under test
 * @param clock the program's clock, starting at {@link StoreTck#START}
 * @param program a program on {@code store} with {@code clock} and sequential ids
 * @param storedText every value {@code store} holds, as text ({@link StoreTck#storedText()})
 */
public record TckContext(Store store, TestClock clock, PartnerProgram program, StoredText storedText) {}
