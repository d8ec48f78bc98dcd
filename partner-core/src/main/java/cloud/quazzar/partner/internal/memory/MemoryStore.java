package cloud.quazzar.partner.internal.memory;

import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.EventRepository;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.ReviewRepository;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import cloud.quazzar.partner.spi.StoreWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe store in the heap. Readers share a read lock; one writer at a time holds the write
 * lock, and every change it makes pushes its inverse on an undo log, so a write that throws leaves
 * the state exactly as it found it (atomicity without copying the data). Volatile: hosts choose it
 * with {@link cloud.quazzar.partner.memory.MemoryStorage#create()}, never through discovery.
 */
public final class MemoryStore implements Store {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final MemoryPartners partners = new MemoryPartners();
  private final MemoryCertifications certifications = new MemoryCertifications();
  private final MemoryRevenue revenue = new MemoryRevenue();
  private final MemoryDiscounts discounts = new MemoryDiscounts();
  private final MemoryReviews reviews = new MemoryReviews();
  private final MemoryEvents events = new MemoryEvents();
  /** The write transaction the current thread runs, so that a nested write joins it (as on JDBC). */
  @SuppressWarnings("ThreadLocalUsage") // per store: a thread may write to several memory stores
  private final ThreadLocal<Tx> currentWrite = new ThreadLocal<>();
  private volatile boolean closed;

  @Override
  public String description() {
    return "memory";
  }

  /** Never: the data lives in this object, so it is gone when the store is dropped or the JVM exits. */
  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    checkOpen();
    Tx outer = currentWrite.get();
    if (outer != null) {
      return work.run(outer);
    }
    lock.readLock().lock();
    try {
      return work.run(new Tx(null));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    checkOpen();
    Tx outer = currentWrite.get();
    if (outer != null) {
      return work.run(outer); // joins: the outer transaction commits or rolls back all of it
    }
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException("a write transaction cannot start inside a read transaction");
    }
    lock.writeLock().lock();
    Deque<Runnable> undo = new ArrayDeque<>();
    Tx tx = new Tx(undo);
    currentWrite.set(tx);
    try {
      T result = work.run(tx);
      undo.clear();
      return result;
    } catch (RuntimeException | Error e) {
      UndoLogs.rollBack(undo, e);
      throw e;
    } finally {
      currentWrite.remove();
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("the memory store is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** A transaction: a view whose writes log their inverse (null log: read-only). */
  @SuppressWarnings("AssignmentExpression") // each view is made on first use and cached where it is returned
  private final class Tx implements StoreTransaction {
    private final @Nullable Deque<Runnable> undo;
    private @Nullable PartnerRepository partnerView;
    private @Nullable DiscountRepository discountView;
    private @Nullable CertificationRepository certificationView;
    private @Nullable RevenueRepository revenueView;
    private @Nullable ReviewRepository reviewView;
    private @Nullable EventRepository eventView;

    Tx(@Nullable Deque<Runnable> undo) {
      this.undo = undo;
    }

    @Override
    public PartnerRepository partners() {
      PartnerRepository v = partnerView;
      return v != null ? v : (partnerView = partners.view(undo, this));
    }

    @Override
    public DiscountRepository discounts() {
      DiscountRepository v = discountView;
      return v != null ? v : (discountView = discounts.view(undo));
    }

    @Override
    public CertificationRepository certifications() {
      CertificationRepository v = certificationView;
      return v != null ? v : (certificationView = certifications.view(undo));
    }

    @Override
    public RevenueRepository revenue() {
      RevenueRepository v = revenueView;
      return v != null ? v : (revenueView = revenue.view(undo, partners()));
    }

    @Override
    public ReviewRepository reviews() {
      ReviewRepository v = reviewView;
      return v != null ? v : (reviewView = reviews.view(undo));
    }

    @Override
    public EventRepository events() {
      EventRepository v = eventView;
      return v != null ? v : (eventView = events.view(undo));
    }
  }
}
