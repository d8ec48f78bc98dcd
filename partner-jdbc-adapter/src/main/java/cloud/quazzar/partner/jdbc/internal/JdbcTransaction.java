package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.EventRepository;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.ReviewRepository;
import cloud.quazzar.partner.spi.StoreTransaction;
import org.jspecify.annotations.Nullable;

/**
 * One JDBC transaction as the SPI sees it. Each capability's repository is created on first use
 * and shares the transaction's {@link Jdbc}; a later capability adds its accessor here and its
 * repository class beside {@link JdbcPartners}.
 */
final class JdbcTransaction implements StoreTransaction {
  private final Jdbc jdbc;
  private final boolean readOnly;
  private @Nullable JdbcPartners partners;
  private @Nullable JdbcCertifications certifications;
  private @Nullable JdbcRevenue revenue;
  private @Nullable JdbcDiscounts discounts;
  private @Nullable JdbcReviews reviews;
  private @Nullable JdbcEvents events;

  JdbcTransaction(Jdbc jdbc, boolean readOnly) {
    this.jdbc = jdbc;
    this.readOnly = readOnly;
  }

  @Override
  public PartnerRepository partners() {
    JdbcPartners p = partners;
    if (p == null) {
      p = new JdbcPartners(jdbc);
      partners = p;
    }
    return p;
  }

  @Override
  public CertificationRepository certifications() {
    JdbcCertifications c = certifications;
    if (c == null) {
      c = new JdbcCertifications(jdbc);
      certifications = c;
    }
    return c;
  }

  @Override
  public RevenueRepository revenue() {
    JdbcRevenue r = revenue;
    if (r == null) {
      r = new JdbcRevenue(jdbc);
      revenue = r;
    }
    return r;
  }

  @Override
  public DiscountRepository discounts() {
    JdbcDiscounts d = discounts;
    if (d == null) {
      d = new JdbcDiscounts(jdbc);
      discounts = d;
    }
    return d;
  }

  @Override
  public ReviewRepository reviews() {
    JdbcReviews r = reviews;
    if (r == null) {
      r = new JdbcReviews(jdbc);
      reviews = r;
    }
    return r;
  }

  @Override
  public EventRepository events() {
    JdbcEvents e = events;
    if (e == null) {
      e = new JdbcEvents(jdbc);
      events = e;
    }
    return e;
  }

  boolean readOnly() {
    return readOnly;
  }

  Jdbc jdbc() {
    return jdbc;
  }
}
