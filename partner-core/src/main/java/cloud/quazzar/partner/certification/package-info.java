/**
 * Certifications (rules CERT-1 to CERT-10): what partners hold, in which skill area and
 * at which level, until when; the expiry status with its indicator colour; renewal, revocation,
 * the administrator's warning board, the status-change sweep a host schedules, and tier
 * eligibility. Start at {@link cloud.quazzar.partner.certification.CertificationTracker}, obtained
 * from {@link cloud.quazzar.partner.PartnerProgram#certifications()}.
 */
@NullMarked
package cloud.quazzar.partner.certification;

import org.jspecify.annotations.NullMarked;
