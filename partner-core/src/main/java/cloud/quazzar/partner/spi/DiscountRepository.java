package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.discount.Cancellation;
import cloud.quazzar.partner.discount.PartnerAdjustment;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.registry.PartnerId;
import java.util.List;

/**
 * What a store must do for discount policy versions and partner adjustments. Only persistence:
 * core has validated every value, numbered the versions and applied every rule. Everything here is
 * append-only: versions and cancellations are added, never changed or removed. All methods act
 * inside the enclosing transaction.
 *
 * <p>A store must keep every field exactly (dates, rates in basis points, the policy's schedules in
 * order, the rounding mode, instants at microsecond precision) and must enforce the uniqueness
 * below itself, even under concurrent transactions (in a database: primary keys), reporting it as
 * {@link ConflictException} with reason {@code DUPLICATE}.
 */
public interface DiscountRepository {

  /**
   * Appends a policy version (without a cancellation).
   *
   * @param version the version
   * @throws ConflictException ({@code DUPLICATE}) if a version with its number exists
   */
  void appendPolicyVersion(PolicyVersion version);

  /**
   * Appends the cancellation of an existing policy version (core has checked it exists).
   *
   * @param version the version's number
   * @param cancellation the cancellation
   * @throws ConflictException ({@code DUPLICATE}) if that version already has a cancellation
   */
  void appendPolicyCancellation(int version, Cancellation cancellation);

  /**
   * Every policy version ordered by number, each with its cancellation if it has one.
   *
   * @return the versions
   */
  List<PolicyVersion> policyVersions();

  /**
   * Appends a version of a partner's adjustment (without a cancellation).
   *
   * @param adjustment the adjustment version
   * @throws ConflictException ({@code DUPLICATE}) if the partner has a version with its number
   */
  void appendAdjustment(PartnerAdjustment adjustment);

  /**
   * Appends the cancellation of an existing adjustment version (core has checked it exists).
   *
   * @param partnerId the partner
   * @param version the version's number
   * @param cancellation the cancellation
   * @throws ConflictException ({@code DUPLICATE}) if that version already has a cancellation
   */
  void appendAdjustmentCancellation(PartnerId partnerId, int version, Cancellation cancellation);

  /**
   * The partner's adjustment versions ordered by number, each with its cancellation if any.
   *
   * @param partnerId the partner
   * @return the partner's adjustment versions
   */
  List<PartnerAdjustment> adjustments(PartnerId partnerId);

  /**
   * One page of them: the versions numbered above {@code afterVersion}, by number, at most {@code
   * limit}, each with its cancellation if any. The default filters {@link #adjustments(PartnerId)};
   * a database seeks through its (partner, version) key.
   *
   * @param partnerId the partner
   * @param afterVersion the version the previous page ended with; 0 for the first page
   * @param limit the most versions to return, 1 or more
   * @return the page's versions, oldest first
   */
  default List<PartnerAdjustment> adjustments(PartnerId partnerId, int afterVersion, int limit) {
    return adjustments(partnerId).stream().filter(a -> a.version() > afterVersion).limit(limit).toList();
  }

  /**
   * Every adjustment version of every partner, each with its cancellation if any; any order.
   *
   * @return every adjustment version
   */
  List<PartnerAdjustment> allAdjustments();

  /**
   * A number that grows with every append of this repository (versions, adjustments and
   * cancellations), including appends committed by other nodes, and never changes otherwise: two
   * equal readings mean equal content. Core reads it before the content, in the same transaction,
   * to decide whether its cached copy is current, so it must be cheap (a counter, not a scan).
   *
   * @return the revision
   */
  long revision();

  /**
   * Replaces the reason of every adjustment of the partner, and of every cancellation of one,
   * that is not {@code replacement} already (docs/rules.md PRIV-1). Nothing else changes. If it
   * changes anything it counts as a change for {@link #revision()}, so that every program's cache
   * of the history is refreshed.
   *
   * @param partnerId the partner
   * @param replacement the text that replaces each reason
   * @return how many reasons were changed (an adjustment and its cancellation count one each)
   */
  int eraseAdjustmentReasons(PartnerId partnerId, String replacement);
}
