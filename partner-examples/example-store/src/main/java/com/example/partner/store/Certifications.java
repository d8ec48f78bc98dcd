package com.example.partner.store;

import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Certifications with the status last reported for each. Core computes every status; this only
 * filters current records by expiry date and compares the reported status core gave it. Lists come
 * in any order (core sorts them). A database would index current records by expiry date; this scans.
 */
final class Certifications implements CertificationRepository {
  private final Transaction tx;

  Certifications(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public void insert(CertificationRecord record) {
    Data data = tx.dataToChange();
    CertificationId id = record.certification().id();
    if (data.certifications.containsKey(id)) {
      throw tx.duplicate("certification id " + id);
    }
    data.certifications.put(id, record);
  }

  @Override
  public Optional<CertificationRecord> find(CertificationId id) {
    return Optional.ofNullable(tx.data().certifications.get(id));
  }

  @Override
  public boolean update(CertificationRecord record, long expectedVersion) {
    Data data = tx.dataToChange();
    CertificationId id = record.certification().id();
    CertificationRecord stored = data.certifications.get(id);
    if (stored == null || stored.certification().version() != expectedVersion) {
      return false;
    }
    data.certifications.put(id, record);
    return true;
  }

  @Override
  public List<CertificationRecord> byPartner(PartnerId partnerId) {
    return tx.data().certifications.values().stream()
        .filter(r -> r.certification().partnerId().equals(partnerId))
        .toList();
  }

  @Override
  public List<CertificationRecord> currentExpiringBetween(LocalDate from, LocalDate to) {
    return current().filter(r -> within(expiry(r), Optional.of(from), Optional.of(to))).toList();
  }

  @Override
  public List<Long> countCurrentByExpiry(Optional<PartnerId> partnerId, List<LocalDate> bounds) {
    long[] counts = new long[bounds.size() + 1];
    current()
        .filter(r -> partnerId.isEmpty() || r.certification().partnerId().equals(partnerId.get()))
        .forEach(r -> {
          // the number of bounds on or before the expiry date is the index of its band
          int band = (int) bounds.stream().filter(b -> !expiry(r).isBefore(b)).count();
          counts[band]++;
        });
    List<Long> out = new ArrayList<>(counts.length);
    for (long c : counts) {
      out.add(c);
    }
    return out;
  }

  @Override
  public List<CertificationRecord> currentReportedOtherThan(
      CertificationStatus status, Optional<LocalDate> from, Optional<LocalDate> to) {
    return current()
        .filter(r -> !r.reportedStatus().equals(Optional.of(status)))
        .filter(r -> within(expiry(r), from, to))
        .toList();
  }

  @Override
  public boolean markReported(CertificationId id, CertificationStatus expected, CertificationStatus reported) {
    Data data = tx.dataToChange();
    CertificationRecord stored = data.certifications.get(id);
    if (stored == null || !stored.certification().isCurrent() || !stored.reportedStatus().equals(Optional.of(expected))) {
      return false;
    }
    // the record itself, and so its version, stays as it is
    data.certifications.put(id, new CertificationRecord(stored.certification(), Optional.of(reported)));
    return true;
  }

  private Stream<CertificationRecord> current() {
    return tx.data().certifications.values().stream().filter(r -> r.certification().isCurrent());
  }

  private static LocalDate expiry(CertificationRecord record) {
    return record.certification().expiryDate();
  }

  /** Whether {@code date} is from {@code from} to {@code to}, both included; an empty end is open. */
  private static boolean within(LocalDate date, Optional<LocalDate> from, Optional<LocalDate> to) {
    return from.map(f -> !date.isBefore(f)).orElse(true) && to.map(t -> !date.isAfter(t)).orElse(true);
  }
}
