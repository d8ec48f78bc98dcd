package cloud.quazzar.partner.certification;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One certification record of a partner. Immutable; a renewal or revocation yields a record with
 * the next {@link #version()} and another {@link #state()}, and a renewal adds a new record whose
 * {@link #renewalOf()} names this one.
 *
 * <p>Throws {@link cloud.quazzar.partner.ValidationException} listing the components that are null
 * or break the rules below.
 *
 * @param id generated id
 * @param partnerId the partner that holds it
 * @param name its name as entered, cleaned (docs/rules.md TEXT-1)
 * @param skillArea its skill area
 * @param level its level
 * @param holder the person who holds it; empty if none was recorded
 * @param issueDate the day it was issued
 * @param expiryDate the last day it is valid (inclusive: it counts on this day, not after);
 *     after {@code issueDate}
 * @param state current, renewed or revoked
 * @param renewalOf the record this one renewed; empty unless it is a renewal
 * @param revokedBy who revoked it; present exactly when {@code state} is {@link
 *     CertificationState#REVOKED}
 * @param revocationReason why it was revoked; present exactly when it is revoked
 * @param createdAt when the record was added
 * @param updatedAt when the record last changed
 * @param version optimistic-lock version: 1 when added, one more per change
 */
public record Certification(
    CertificationId id,
    PartnerId partnerId,
    String name,
    SkillArea skillArea,
    CertificationLevel level,
    Optional<String> holder,
    LocalDate issueDate,
    LocalDate expiryDate,
    CertificationState state,
    Optional<CertificationId> renewalOf,
    Optional<String> revokedBy,
    Optional<String> revocationReason,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param id generated id
   * @param partnerId the partner that holds it
   * @param name its name as entered, cleaned (docs/rules.md TEXT-1)
   * @param skillArea its skill area
   * @param level its level
   * @param holder the person who holds it; empty if none was recorded
   * @param issueDate the day it was issued
   * @param expiryDate the last day it is valid (inclusive: it counts on this day, not after);
   *     after {@code issueDate}
   * @param state current, renewed or revoked
   * @param renewalOf the record this one renewed; empty unless it is a renewal
   * @param revokedBy who revoked it; present exactly when {@code state} is {@link
   *     CertificationState#REVOKED}
   * @param revocationReason why it was revoked; present exactly when it is revoked
   * @param createdAt when the record was added
   * @param updatedAt when the record last changed
   * @param version optimistic-lock version: 1 when added, one more per change
   * @throws ValidationException naming each component that is null or out of range
   */
  public Certification {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(name, "name");
    requireNonNull(skillArea, "skillArea");
    requireNonNull(level, "level");
    requireNonNull(holder, "holder");
    requireNonNull(renewalOf, "renewalOf");
    requireNonNull(revokedBy, "revokedBy");
    requireNonNull(revocationReason, "revocationReason");
    requireNonNull(issueDate, "issueDate");
    requireNonNull(expiryDate, "expiryDate");
    requireNonNull(state, "state");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    List<Violation> v = new ArrayList<>(0);
    if (!expiryDate.isAfter(issueDate)) {
      v.add(new Violation("expiryDate", "must be after issueDate (" + issueDate + "), got " + expiryDate));
    }
    if (version < 1) {
      v.add(new Violation("version", "must be 1 or more, got " + version));
    }
    boolean revoked = state == CertificationState.REVOKED;
    if (revoked != revokedBy.isPresent()) {
      v.add(new Violation("revokedBy", "must be present exactly when the state is REVOKED"));
    }
    if (revoked != revocationReason.isPresent()) {
      v.add(new Violation("revocationReason", "must be present exactly when the state is REVOKED"));
    }
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }

  /**
   * Whether this is the record in force (neither renewed nor revoked).
   *
   * @return true if this is the record in force
   */
  public boolean isCurrent() {
    return state == CertificationState.CURRENT;
  }

  /**
   * This record with another state, audit fields, update time and version (for the tracker).
   *
   * @param newState the new state
   * @param newRevokedBy who revoked it, if it was revoked
   * @param newReason why it was revoked, if it was
   * @param newUpdatedAt the update time
   * @param newVersion the new version
   * @return the changed record
   */
  public Certification with(CertificationState newState, Optional<String> newRevokedBy,
      Optional<String> newReason, Instant newUpdatedAt, long newVersion) {
    return new Certification(id, partnerId, name, skillArea, level, holder, issueDate, expiryDate, newState,
        renewalOf, newRevokedBy, newReason, createdAt, newUpdatedAt, newVersion);
  }
}
