package com.example.partner.store;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.DiscountRepository;
import cloud.quazzar.partner.spi.EventRepository;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.RevenueRepository;
import cloud.quazzar.partner.spi.ReviewRepository;
import cloud.quazzar.partner.spi.StoreTransaction;

/**
 * One transaction of the {@link ExampleStore}: the data it sees (for a write, its own copy) and
 * whether it may change it. Its repositories read {@link #data()} and change only {@link
 * #dataToChange()}.
 */
final class Transaction implements StoreTransaction {
  private final Data data;
  private final boolean writable;
  private boolean failed;

  Transaction(Data data, boolean writable) {
    this.data = data;
    this.writable = writable;
  }

  /** The data this transaction sees. */
  Data data() {
    return data;
  }

  /** The data, for a change: only a write transaction may change its copy. */
  Data dataToChange() {
    if (!writable) {
      throw new IllegalStateException("a read transaction cannot change the store");
    }
    return data;
  }

  boolean writable() {
    return writable;
  }

  /** Whether a repository call of this transaction failed (the store then refuses to commit it). */
  boolean failed() {
    return failed;
  }

  /**
   * A {@code DUPLICATE} conflict for the caller to throw; marks the transaction failed.
   *
   * @param what what is taken, for the message
   */
  ConflictException duplicate(String what) {
    failed = true;
    return new ConflictException(ConflictException.Reason.DUPLICATE, what + " is taken");
  }

  @Override
  public PartnerRepository partners() {
    return new Partners(this);
  }

  @Override
  public CertificationRepository certifications() {
    return new Certifications(this);
  }

  @Override
  public RevenueRepository revenue() {
    return new Revenue(this);
  }

  @Override
  public DiscountRepository discounts() {
    return new Discounts(this);
  }

  @Override
  public ReviewRepository reviews() {
    return new Reviews(this);
  }

  @Override
  public EventRepository events() {
    return new Events(this);
  }
}
