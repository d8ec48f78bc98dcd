/**
 * The program's health ({@code program.health()}): one typed, immutable answer a host maps to its
 * own health endpoint, with the state of the store (does it answer in time), of its schema (the
 * version this library expects) and of the event listeners (failing, lagging). docs/operations.md,
 * "Health"; rules OPS-1 to OPS-4.
 */
@NullMarked
package cloud.quazzar.partner.health;

import org.jspecify.annotations.NullMarked;
