package cloud.quazzar.partner.testkit.revenue;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueFilter;
import cloud.quazzar.partner.revenue.RevenueRow;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A read-only store whose revenue scan yields the rows of an iterable, made on the fly: lets the
 * export see rows no real store would hold (company names starting with a tab or CR, which the
 * registry cleans away) and a million rows without holding them.
 */
final class RowStore implements Store, StoreTransaction, RevenueRepository {
  private final Supplier<Iterable<RevenueRow>> rows;

  RowStore(Supplier<Iterable<RevenueRow>> rows) {
    this.rows = rows;
  }

  @Override
  public String description() {
    return "rows";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    return work.run(this);
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}

  @Override
  public PartnerRepository partners() {
    throw new UnsupportedOperationException();
  }

  @Override
  public cloud.quazzar.partner.spi.CertificationRepository certifications() {
    throw new UnsupportedOperationException();
  }

  @Override
  public cloud.quazzar.partner.spi.DiscountRepository discounts() {
    throw new UnsupportedOperationException();
  }

  @Override
  public cloud.quazzar.partner.spi.ReviewRepository reviews() {
    throw new UnsupportedOperationException();
  }

  @Override
  public cloud.quazzar.partner.spi.EventRepository events() {
    throw new UnsupportedOperationException();
  }

  @Override
  public RevenueRepository revenue() {
    return this;
  }

  @Override
  public List<RevenueEntry> appendAbsent(List<RevenueEntry> entries) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int eraseReasons(PartnerId partnerId, String replacement) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<RevenueEntry> findByKey(String idempotencyKey) {
    return Optional.empty();
  }

  @Override
  public List<RevenueEntry> history(PartnerId partnerId, YearMonth month) {
    return List.of();
  }

  @Override
  public List<RevenueEntry> current(PartnerId partnerId, YearMonth from, YearMonth to) {
    return List.of();
  }

  @Override
  public Optional<YearMonth> lastMonth(PartnerId partnerId) {
    return Optional.empty();
  }

  @Override
  public void scan(RevenueFilter filter, Consumer<RevenueRow> visitor) {
    for (RevenueRow row : rows.get()) {
      visitor.accept(row);
    }
  }
}
