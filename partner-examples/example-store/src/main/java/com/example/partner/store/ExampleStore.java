package com.example.partner.store;

import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreWork;

/**
 * The example store: all data in memory, in one {@link Data} value.
 *
 * <p>How it keeps the {@link Store} contract, in the simplest way that is still correct:
 *
 * <ul>
 *   <li><b>Writes run one at a time</b> (one lock) on a <b>copy</b> of the committed data. When the
 *       work returns, the copy becomes the committed data (commit); when it throws, the copy is
 *       dropped (rollback) and the work's exception propagates unchanged. So a write is all or
 *       nothing, a unique key is checked against everything committed, and events get their
 *       sequences in commit order.
 *   <li><b>Reads take no lock</b>: each sees the committed data as it was when it began, which no
 *       one changes any more (a write changes only its own copy), so a read is consistent.
 *   <li>A {@code read} or {@code write} inside a {@code write} on the same thread joins it; a
 *       {@code write} inside a {@code read} throws {@link IllegalStateException}, as does any
 *       repository write in a read.
 *   <li>A work that catches a repository's exception and returns is rolled back anyway, with a
 *       {@link StorageException}: after a failed call a transaction is unusable, as in a database.
 * </ul>
 *
 * <p>Copying every collection on every write costs time in proportion to the data: fine for an
 * example and for tests, not for a large program (a database store does not copy).
 */
final class ExampleStore implements Store {
  private final Object writeLock = new Object();
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();
  private volatile Data committed = new Data();
  private volatile boolean closed;

  @Override
  public String description() {
    return ExampleStorageProvider.NAME + " (in memory)";
  }

  /** Volatile: the data lives in this process and is gone when it exits. */
  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public <T> T read(StoreWork<T> work) {
    Transaction enclosing = current.get();
    if (enclosing != null) {
      return work.run(enclosing);
    }
    Transaction tx = new Transaction(open(), false);
    current.set(tx);
    try {
      return work.run(tx);
    } finally {
      current.remove();
    }
  }

  @Override
  public <T> T write(StoreWork<T> work) {
    Transaction enclosing = current.get();
    if (enclosing != null) {
      if (!enclosing.writable()) {
        throw new IllegalStateException("a write transaction cannot start inside a read transaction");
      }
      return work.run(enclosing);
    }
    synchronized (writeLock) {
      Transaction tx = new Transaction(open().copy(), true);
      current.set(tx);
      try {
        T result = work.run(tx);
        if (tx.failed()) {
          throw new StorageException("the work went on after a repository call of its transaction failed;"
              + " the transaction is rolled back");
        }
        committed = tx.data();
        return result;
      } finally {
        current.remove();
      }
    }
  }

  /** Drops the data; work given to the store afterwards fails with a {@link StorageException}. Idempotent. */
  @Override
  public void close() {
    closed = true;
    committed = new Data();
  }

  private Data open() {
    if (closed) {
      throw new StorageException("the " + description() + " store is closed");
    }
    return committed;
  }
}
