package cloud.quazzar.partner.events;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The administrator set a new version of the discount policy. A program-wide event (not a {@link
 * PartnerEvent}). The policy itself is read with {@code program.discounts().policyHistory()}: the
 * event's components are those of that {@link cloud.quazzar.partner.discount.PolicyVersion}, with
 * the version's creation time as the event's {@code at}.
 *
 * @param version the new version number
 * @param effectiveFrom the first day it is in force (inclusive)
 * @param createdBy who set it
 * @param reason why
 * @param at when it was set
 */
public record DiscountPolicyVersionCreated(int version, LocalDate effectiveFrom, String createdBy, String reason, Instant at)
    implements DomainEvent {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param version the new version number
   * @param effectiveFrom the first day it is in force (inclusive)
   * @param createdBy who set it
   * @param reason why
   * @param at when it was set
   * @throws cloud.quazzar.partner.ValidationException naming each component that is null or out of range
   */
  public DiscountPolicyVersionCreated {
    requireNonNull(effectiveFrom, "effectiveFrom");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(reason, "reason");
    requireNonNull(at, "at");
  }
}
