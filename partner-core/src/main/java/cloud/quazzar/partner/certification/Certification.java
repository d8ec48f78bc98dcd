package cloud.quazzar.partner.certification;

import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.registry.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One certification record of a partner. Immutable; a renewal or revocation yields a record with
 * the next {@link #version()} and another {@link #state()}, and a renewal adds a new record whose
 * {@link #renewalOf()} names this one.
 *
 * <p>Throws {@link IllegalArgumentException} if a field breaks the rules below.
 *
 * @param id generated id
 * @param partnerId the partner that holds it
 * @param name its name as entered, cleaned (docs/rules.md TEXT-1)
 * @param skillArea its skill area
 * @param level its level
 * @param holder the person who holds it, if recorded
 * @param issueDate the day it was issued
 * @param expiryDate the last day it is valid; after {@code issueDate}
 * @param state current, renewed or revoked
 * @param renewalOf the record this one renewed, if it is a renewal
 * @param revokedBy who revoked it; set exactly when {@code state} is {@link CertificationState#REVOKED}
 * @param revocationReason why it was revoked; set exactly when it is revoked
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
    @Nullable String holder,
    LocalDate issueDate,
    LocalDate expiryDate,
    CertificationState state,
    @Nullable CertificationId renewalOf,
    @Nullable String revokedBy,
    @Nullable String revocationReason,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Certification {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(name, "name");
    requireNonNull(skillArea, "skillArea");
    requireNonNull(level, "level");
    requireNonNull(issueDate, "issueDate");
    requireNonNull(expiryDate, "expiryDate");
    requireNonNull(state, "state");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    if (!expiryDate.isAfter(issueDate)) {
      throw new IllegalArgumentException("expiryDate " + expiryDate + " must be after issueDate " + issueDate);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1: " + version);
    }
    boolean revoked = state == CertificationState.REVOKED;
    if (revoked != (revokedBy != null) || revoked != (revocationReason != null)) {
      throw new IllegalArgumentException("revokedBy and revocationReason are set exactly when revoked");
    }
  }

  /** Whether this is the record in force (neither renewed nor revoked). */
  public boolean isCurrent() {
    return state == CertificationState.CURRENT;
  }

  /** This record with another state, audit fields, update time and version (for the tracker). */
  public Certification with(CertificationState newState, @Nullable String newRevokedBy,
      @Nullable String newReason, Instant newUpdatedAt, long newVersion) {
    return new Certification(id, partnerId, name, skillArea, level, holder, issueDate, expiryDate, newState,
        renewalOf, newRevokedBy, newReason, createdAt, newUpdatedAt, newVersion);
  }
}
