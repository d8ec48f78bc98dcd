package cloud.quazzar.partner.events;

import java.time.Instant;

/**
 * Something that happened in the partner program that host code may react to. Every event is
 * written to the store in the transaction that made the change, so an event exists exactly when
 * its change committed; {@link DomainEvents} delivers it to listeners after the commit.
 *
 * <p>The set is closed (a sealed type), so a {@code switch} over it is checked by the compiler.
 * Events about one partner are {@link PartnerEvent}s and carry its id; the others are about the
 * whole program ({@link DiscountPolicyVersionCreated}). Events are immutable values; stores keep
 * them as they were written, so a listener sees the state at the time of the change, not the
 * current one.
 */
public sealed interface DomainEvent permits PartnerEvent, DiscountPolicyVersionCreated {

  /**
   * When the change was made, by the program's clock.
   *
   * @return the time of the change
   */
  Instant at();

  /**
   * The event's type name as stored, e.g. {@code "TierChanged"}: the simple name of its class.
   *
   * @return the type name
   */
  default String type() {
    return getClass().getSimpleName();
  }
}
