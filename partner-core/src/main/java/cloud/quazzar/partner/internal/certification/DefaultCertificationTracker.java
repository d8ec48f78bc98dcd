package cloud.quazzar.partner.internal.certification;

import static cloud.quazzar.partner.ConflictException.Reason.STATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.Certification;
import cloud.quazzar.partner.certification.CertificationId;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationListener;
import cloud.quazzar.partner.certification.CertificationState;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.CertificationTracker;
import cloud.quazzar.partner.events.CertificationStatusChanged;
import cloud.quazzar.partner.events.DomainEvents;
import cloud.quazzar.partner.events.StartPosition;
import cloud.quazzar.partner.internal.events.DefaultDomainEvents;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.certification.DayRange;
import cloud.quazzar.partner.certification.EligibilityReport;
import cloud.quazzar.partner.certification.EligibilityRequirements;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.Renewal;
import cloud.quazzar.partner.certification.Revocation;
import cloud.quazzar.partner.certification.StatusChange;
import cloud.quazzar.partner.certification.StatusCounts;
import cloud.quazzar.partner.certification.TrackedCertification;
import cloud.quazzar.partner.internal.Checks;
import cloud.quazzar.partner.internal.PageTokens;
import cloud.quazzar.partner.internal.ProgramTime;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.spi.CertificationRecord;
import cloud.quazzar.partner.spi.CertificationRepository;
import cloud.quazzar.partner.spi.CertificationRepository.BoardPosition;
import cloud.quazzar.partner.spi.CertificationRepository.CurrentPosition;
import cloud.quazzar.partner.spi.CertificationRepository.HistoryPosition;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.Store;
import cloud.quazzar.partner.spi.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The certification tracker's rules (CERT-1 to CERT-10 of docs/rules.md), once, over any {@link Store}. */
public final class DefaultCertificationTracker implements CertificationTracker {
  static final String CERTIFICATION = "certification";
  static final String PARTNER = "partner";

  /** Ids in the order of their text form, which is also PostgreSQL's uuid order. */
  static final Comparator<UUID> UUID_TEXT_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  };

  private static final Comparator<StatusChange> CHANGE_ORDER = Comparator
      .comparing((StatusChange s) -> s.certification().expiryDate())
      .thenComparing(s -> s.certification().id().value(), UUID_TEXT_ORDER);

  private final OutboxStore store;
  private final PageTokens tokens;
  private final DomainEvents events;
  private final ProgramTime time;
  private final IdGenerator ids;
  private final ExpiryThresholds thresholds;
  private final EligibilityRequirements requirements;
  private final Object sweepLock = new Object();

  public DefaultCertificationTracker(OutboxStore store, ProgramTime time, IdGenerator ids,
      ExpiryThresholds thresholds, EligibilityRequirements requirements, DomainEvents events) {
    this.store = requireNonNull(store, "store");
    this.tokens = new PageTokens(store);
    this.events = requireNonNull(events, "events");
    this.time = requireNonNull(time, "time");
    this.ids = requireNonNull(ids, "ids");
    this.thresholds = requireNonNull(thresholds, "thresholds");
    this.requirements = requireNonNull(requirements, "requirements");
  }

  /**
   * Today: the clock's calendar date in the program's zone (rule CERT-5),
   * remembered by {@link ProgramTime} until the next local midnight, so that a status per record
   * costs no date arithmetic.
   */
  LocalDate today() {
    return time.today();
  }

  /** Stores keep microseconds (decision D3), so core never hands them more. */
  private Instant now() {
    return time.now();
  }

  private TrackedCertification track(Certification c, LocalDate today) {
    // CERT-5: d = days from today to the expiry date (ChronoUnit.DAYS between dates).
    long d = ExpiryThresholds.daysToExpiry(today, c.expiryDate());
    return new TrackedCertification(c, thresholds.statusOf(d), d);
  }

  @Override
  public TrackedCertification add(PartnerId partnerId, NewCertification request) {
    // Validation runs inside the work so that all of it, tier access included, is reported at once,
    // and starts afresh if a store retries the work after a transient failure.
    return store.write(tx -> {
      Checks c = Checks.start().notNull("partnerId", partnerId).bean("request", request);
      if (request != null) {
        checkDates(c, request.issueDate(), request.expiryDate());
        c.text("name", request.name(), 200);
        String holder = request.holder() == null ? null : request.holder().orElse(null);
        if (holder != null && !holder.isEmpty() && holder.length() <= 200 && Names.clean(holder).isEmpty()) {
          c.add("holder", "must not be blank; leave it empty (Optional.empty()) if there is no holder");
        } else {
          c.text("holder", holder, 200);
        }
      }
      Optional<PartnerRecord> partner = partnerId == null ? Optional.empty() : tx.partners().find(partnerId);
      if (partner.isPresent() && request != null && request.level() != null) {
        checkAccess(c, partner.get().tier(), request.level());
      }
      c.done();
      PartnerRecord p = partner.orElseThrow(() -> new NotFoundException(PARTNER, partnerId));
      requireActive(p, "add a certification");
      LocalDate today = today();
      Instant now = now();
      Certification cert = new Certification(
          new CertificationId(ids.next()), p.id(), Names.clean(requireNonNull(request.name())),
          requireNonNull(request.skillArea()), requireNonNull(request.level()),
          request.holder().map(Names::clean),
          requireNonNull(request.issueDate()), requireNonNull(request.expiryDate()),
          CertificationState.CURRENT, Optional.empty(), Optional.empty(), Optional.empty(), now, now, 1);
      TrackedCertification tracked = track(cert, today);
      // The sweep reports changes from here on: a new record starts reported at its status now.
      tx.certifications().insert(new CertificationRecord(cert, Optional.of(tracked.status())));
      return tracked;
    });
  }

  @Override
  public TrackedCertification renew(CertificationId id, long expectedVersion, Renewal renewal) {
    return store.write(tx -> {
      Checks c = Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("renewal", renewal);
      if (renewal != null) {
        checkDates(c, renewal.issueDate(), renewal.expiryDate());
      }
      CertificationRepository repo = tx.certifications();
      Optional<CertificationRecord> found = id == null ? Optional.empty() : repo.find(id);
      Optional<PartnerRecord> partner = found.flatMap(r -> tx.partners().find(r.certification().partnerId()));
      if (found.isPresent() && renewal != null && renewal.expiryDate() != null) {
        LocalDate oldExpiry = found.get().certification().expiryDate();
        // CERT-6: a renewal never shortens a certification, so it never makes a partner less eligible.
        c.check(renewal.expiryDate().isAfter(oldExpiry), "expiryDate",
            "must be after the renewed certification's expiry date (" + oldExpiry + "), got " + renewal.expiryDate());
      }
      if (found.isPresent() && partner.isPresent()) {
        checkAccess(c, partner.get().tier(), found.get().certification().level());
      }
      c.done();
      CertificationRecord cur = found.orElseThrow(() -> new NotFoundException(CERTIFICATION, id));
      Certification old = cur.certification();
      requireVersion(old, expectedVersion);
      requireCurrent(tx, old, "renewed");
      PartnerRecord p = partner.orElseThrow(
          () -> new IllegalStateException("certification " + id + " has no partner " + old.partnerId()));
      requireActive(p, "renew a certification");
      Instant now = now();
      LocalDate today = today();
      Certification renewed = old.with(CertificationState.RENEWED, Optional.empty(), Optional.empty(), now,
          old.version() + 1);
      if (!repo.update(new CertificationRecord(renewed, Optional.empty()), expectedVersion)) {
        throw stale(repo, id, expectedVersion);
      }
      Certification next = new Certification(
          new CertificationId(ids.next()), old.partnerId(), old.name(), old.skillArea(), old.level(), old.holder(),
          requireNonNull(renewal.issueDate()), requireNonNull(renewal.expiryDate()),
          CertificationState.CURRENT, Optional.of(old.id()), Optional.empty(), Optional.empty(), now, now, 1);
      // The renewal inherits what was last reported, so the next sweep reports the improvement.
      repo.insert(new CertificationRecord(next, cur.reportedStatus()));
      return track(next, today);
    });
  }

  @Override
  public Certification revoke(CertificationId id, long expectedVersion, Revocation revocation) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("revocation", revocation)
        .text("revokedBy", revocation == null ? null : revocation.revokedBy(), 100)
        .text("reason", revocation == null ? null : revocation.reason(), 500).done();
    return store.write(tx -> {
      CertificationRepository repo = tx.certifications();
      Certification old = repo.find(id).orElseThrow(() -> new NotFoundException(CERTIFICATION, id)).certification();
      requireVersion(old, expectedVersion);
      requireCurrent(tx, old, "revoked");
      Certification revoked = old.with(CertificationState.REVOKED,
          Optional.of(Names.clean(requireNonNull(revocation.revokedBy()))),
          Optional.of(Names.clean(requireNonNull(revocation.reason()))), now(), old.version() + 1);
      if (!repo.update(new CertificationRecord(revoked, Optional.empty()), expectedVersion)) {
        throw stale(repo, id, expectedVersion);
      }
      return revoked;
    });
  }

  @Override
  public Optional<Certification> find(CertificationId id) {
    Checks.start().notNull("id", id).done();
    return store.read(tx -> tx.certifications().find(id).map(CertificationRecord::certification));
  }

  @Override
  public Certification get(CertificationId id) {
    return find(id).orElseThrow(() -> new NotFoundException(CERTIFICATION, id));
  }

  @Override
  public Page<TrackedCertification> certifications(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    // LIST-2: a token belongs to one partner's list, so it never reads another partner's
    String scope = "certifications\n" + partnerId;
    Optional<CurrentPosition> after = page.pageToken().map(t -> currentPosition(tokens.verify(scope, t)));
    LocalDate today = today();
    Page<CertificationRecord> rows = store.read(tx -> {
      requirePartner(tx, partnerId);
      return tokens.page(scope, tx.certifications().current(partnerId, after, page.limit() + 1), page.limit(),
          r -> position(CurrentPosition.of(r.certification())));
    });
    return new Page<>(rows.items().stream().map(r -> track(r.certification(), today)).toList(), rows.nextPageToken());
  }

  @Override
  public Page<Certification> history(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    String scope = "certificationHistory\n" + partnerId;
    Optional<HistoryPosition> after = page.pageToken().map(t -> historyPosition(tokens.verify(scope, t)));
    Page<CertificationRecord> rows = store.read(tx -> {
      requirePartner(tx, partnerId);
      return tokens.page(scope, tx.certifications().history(partnerId, after, page.limit() + 1), page.limit(),
          r -> position(HistoryPosition.of(r.certification())));
    });
    return new Page<>(rows.items().stream().map(CertificationRecord::certification).toList(), rows.nextPageToken());
  }

  private static void requirePartner(StoreTransaction tx, PartnerId partnerId) {
    if (tx.partners().find(partnerId).isEmpty()) {
      throw new NotFoundException(PARTNER, partnerId);
    }
  }

  @Override
  public Page<TrackedCertification> expiringWithin(long days, PageRequest page) {
    Checks.start().check(days >= 0 && days <= ExpiryThresholds.MAX_DAYS, "days",
        "must be from 0 to " + ExpiryThresholds.MAX_DAYS + ", got " + days).bean("page", page).done();
    // LIST-2: a token belongs to the board of these days
    String scope = "expiringWithin\n" + days;
    Optional<BoardPosition> after = page.pageToken().map(t -> boardPosition(tokens.verify(scope, t)));
    LocalDate today = today();
    Page<CertificationRecord> rows = store.read(tx -> tokens.page(scope,
        tx.certifications().currentExpiringBetween(today, today.plusDays(days), after, page.limit() + 1),
        page.limit(), r -> position(BoardPosition.of(r.certification()))));
    return new Page<>(rows.items().stream().map(r -> track(r.certification(), today)).toList(), rows.nextPageToken());
  }

  // Token bodies (LIST-2): each list's position in a fixed layout; a token this store signed for the
  // list's scope was made by the same list, so its body has that layout.

  private static byte[] position(CurrentPosition p) {
    byte[] key = p.nameKey().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + 2 * Long.BYTES + key.length).putLong(p.expiryDate().toEpochDay())
        .putLong(p.id().value().getMostSignificantBits()).putLong(p.id().value().getLeastSignificantBits())
        .put(key).array();
  }

  private static CurrentPosition currentPosition(ByteBuffer b) {
    LocalDate expiry = LocalDate.ofEpochDay(b.getLong());
    CertificationId id = new CertificationId(new UUID(b.getLong(), b.getLong()));
    return new CurrentPosition(expiry, StandardCharsets.UTF_8.decode(b).toString(), id);
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the exact instant: seconds and nanosecond of the second
  private static byte[] position(HistoryPosition p) {
    return ByteBuffer.allocate(Long.BYTES + Integer.BYTES + 2 * Long.BYTES).putLong(p.createdAt().getEpochSecond())
        .putInt(p.createdAt().getNano()).putLong(p.id().value().getMostSignificantBits())
        .putLong(p.id().value().getLeastSignificantBits()).array();
  }

  private static HistoryPosition historyPosition(ByteBuffer b) {
    Instant createdAt = Instant.ofEpochSecond(b.getLong(), b.getInt());
    return new HistoryPosition(createdAt, new CertificationId(new UUID(b.getLong(), b.getLong())));
  }

  private static byte[] position(BoardPosition p) {
    return ByteBuffer.allocate(5 * Long.BYTES).putLong(p.expiryDate().toEpochDay())
        .putLong(p.partnerId().value().getMostSignificantBits()).putLong(p.partnerId().value().getLeastSignificantBits())
        .putLong(p.id().value().getMostSignificantBits()).putLong(p.id().value().getLeastSignificantBits()).array();
  }

  private static BoardPosition boardPosition(ByteBuffer b) {
    LocalDate expiry = LocalDate.ofEpochDay(b.getLong());
    PartnerId partner = new PartnerId(new UUID(b.getLong(), b.getLong()));
    return new BoardPosition(expiry, partner, new CertificationId(new UUID(b.getLong(), b.getLong())));
  }

  @Override
  public StatusCounts counts(PartnerId partnerId) {
    Checks.start().notNull("partnerId", partnerId).done();
    return count(Optional.of(partnerId));
  }

  @Override
  public StatusCounts counts() {
    return count(Optional.empty());
  }

  private StatusCounts count(Optional<PartnerId> partnerId) {
    LocalDate today = today();
    // CERT-4: d < 0 EXPIRED; 0 <= d < c CRITICAL; c <= d <= w EXPIRING_SOON; d > w ACTIVE.
    List<LocalDate> bounds = List.of(
        today,
        today.plusDays(thresholds.criticalDays()),
        today.plusDays(thresholds.warningDays() + 1L));
    List<Long> n = store.read(tx -> {
      if (partnerId.isPresent() && tx.partners().find(partnerId.get()).isEmpty()) {
        throw new NotFoundException(PARTNER, partnerId.get());
      }
      return tx.certifications().countCurrentByExpiry(partnerId, bounds);
    });
    return new StatusCounts(n.get(3), n.get(2), n.get(1), n.get(0));
  }

  @Override
  public CertificationStatus statusOf(LocalDate expiryDate) {
    if (expiryDate == null) {
      // Checks would do, but this is the one call made a million times in a row
      throw ValidationException.of("expiryDate", "must not be null");
    }
    return thresholds.statusOn(expiryDate, today());
  }

  @Override
  public ExpiryThresholds thresholds() {
    return thresholds;
  }

  @Override
  public List<StatusChange> reportStatusChanges() {
    synchronized (sweepLock) {
      LocalDate today = today();
      List<StatusChange> found = store.write(tx -> {
        CertificationRepository repo = tx.certifications();
        List<StatusChange> out = new ArrayList<>();
        for (CertificationStatus status : CertificationStatus.values()) {
          // The expiry dates that give this status today (its band of day counts, as dates).
          DayRange band = thresholds.band(status);
          Optional<LocalDate> from = band.openBelow() ? Optional.empty() : Optional.of(today.plusDays(band.min()));
          Optional<LocalDate> to = band.openAbove() ? Optional.empty() : Optional.of(today.plusDays(band.max()));
          for (CertificationRecord r : repo.currentReportedOtherThan(status, from, to)) {
            CertificationStatus was = r.reportedStatus().orElseThrow();
            // Compare and set: of several sweeps at once (several nodes), one reports the change.
            if (repo.markReported(r.certification().id(), was, status)) {
              out.add(new StatusChange(r.certification(), was, status, today));
            }
          }
        }
        out.sort(CHANGE_ORDER);
        // Rule CERT-8: the sweep's changes go through the outbox, so listeners get them after commit,
        // durably and at least once.
        Instant at = now();
        for (StatusChange change : out) {
          store.emit(new CertificationStatusChanged(change, at));
        }
        return out;
      });
      return List.copyOf(found);
    }
  }

  @Override
  public void subscribe(String name, CertificationListener listener) {
    DefaultDomainEvents.checkName(Checks.start(), name).notNull("listener", listener).done();
    events.subscribe(name, StartPosition.LATEST, record -> {
      if (record.event() instanceof CertificationStatusChanged c) {
        listener.statusChanged(c.change());
      }
    });
  }

  @Override
  public boolean unsubscribe(String name) {
    return events.unsubscribe(name);
  }

  @Override
  public EligibilityReport eligibility(PartnerId partnerId) {
    return eligibility(partnerId, today());
  }

  @Override
  public EligibilityReport eligibility(PartnerId partnerId, LocalDate date) {
    Checks.start().notNull("partnerId", partnerId).notNull("date", date).done();
    return store.read(tx -> {
      PartnerRecord p = tx.partners().find(partnerId).orElseThrow(() -> new NotFoundException(PARTNER, partnerId));
      ClientTotals totals = tx.partners().clientTotals(partnerId);
      // CERT-9 counts every current certification: read them page by page (LIST-4), not the
      // renewed and revoked records of the whole history
      List<Certification> current = new ArrayList<>();
      Optional<CurrentPosition> after = Optional.empty();
      while (true) {
        List<CertificationRecord> rows = tx.certifications().current(partnerId, after, PageRequest.MAX_LIMIT);
        rows.forEach(r -> current.add(r.certification()));
        if (rows.size() < PageRequest.MAX_LIMIT) {
          break;
        }
        after = Optional.of(CurrentPosition.of(rows.get(rows.size() - 1).certification()));
      }
      return Eligibility.evaluate(requirements, p.id(), p.tier(), current, totals.serverCount(), totals.clientCount(), date);
    });
  }

  @Override
  public EligibilityRequirements requirements() {
    return requirements;
  }

  private static void checkDates(Checks c, @Nullable LocalDate issue, @Nullable LocalDate expiry) {
    String range = " from " + NewCertification.EARLIEST_DATE + " to " + NewCertification.LATEST_DATE;
    if (issue != null && (issue.isBefore(NewCertification.EARLIEST_DATE) || issue.isAfter(NewCertification.LATEST_DATE))) {
      c.add("issueDate", "must be" + range + ", got " + issue);
    }
    if (expiry != null && (expiry.isBefore(NewCertification.EARLIEST_DATE) || expiry.isAfter(NewCertification.LATEST_DATE))) {
      c.add("expiryDate", "must be" + range + ", got " + expiry);
    }
    if (issue != null && expiry != null && !expiry.isAfter(issue)) {
      c.add("expiryDate", "must be after the date of issue (" + issue + "), got " + expiry);
    }
  }

  /**
   * CERT-2 (tier access): Silver may hold Basic, Gold Basic and Advanced, Platinum all. Checked when
   * adding and renewing only, so a partner that moved down keeps what it holds (CERT-3).
   */
  private static void checkAccess(Checks c, Tier tier, CertificationLevel level) {
    if (!level.allowedFor(tier)) {
      c.add("level", "a " + tier + " partner may add or renew certifications up to "
          + CertificationLevel.highestAllowedFor(tier) + " (certification access "
          + tier.benefits().certificationAccess() + "); " + level + " needs " + level.lowestTier() + " or above");
    }
  }

  private static void requireVersion(Certification c, long expectedVersion) {
    if (c.version() != expectedVersion) {
      throw ConflictException.staleVersion(CERTIFICATION, c.id(), expectedVersion, c.version());
    }
  }

  private static void requireCurrent(StoreTransaction tx, Certification c, String action) {
    if (c.isCurrent()) {
      return;
    }
    String successor = c.state() == CertificationState.RENEWED
        ? renewalOf(tx, c).map(o -> "; its renewal is " + o.id()).orElse("") : "";
    throw new ConflictException(STATE,
        "certification " + c.id() + " is " + c.state() + ", only a CURRENT one can be " + action + successor);
  }

  /**
   * The record that renewed {@code renewed}, if any. The renewal was created after {@code renewed}
   * (in the transaction that marked it renewed): the partner's history is read from {@code
   * renewed}'s creation on, a page at a time (LIST-4), not from its start. Not from its update time:
   * a later change of the renewed record (an erasure of its holder, PRIV-1) moves that past the
   * renewal's creation.
   */
  private static Optional<Certification> renewalOf(StoreTransaction tx, Certification renewed) {
    // a nanosecond before: records created at the same instant come after it whatever their ids
    Optional<HistoryPosition> after =
        Optional.of(new HistoryPosition(renewed.createdAt().minusNanos(1), renewed.id()));
    while (true) {
      List<CertificationRecord> rows = tx.certifications().history(renewed.partnerId(), after, PageRequest.MAX_LIMIT);
      for (CertificationRecord r : rows) {
        if (r.certification().renewalOf().equals(Optional.of(renewed.id()))) {
          return Optional.of(r.certification());
        }
      }
      if (rows.size() < PageRequest.MAX_LIMIT) {
        return Optional.empty();
      }
      after = Optional.of(HistoryPosition.of(rows.get(rows.size() - 1).certification()));
    }
  }

  private static void requireActive(PartnerRecord partner, String action) {
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException(STATE,
          "partner " + partner.id() + " is " + partner.status() + "; reactivate it to " + action);
    }
  }

  private static RuntimeException stale(CertificationRepository repo, CertificationId id, long expected) {
    return repo.find(id)
        .<RuntimeException>map(r -> ConflictException.staleVersion(CERTIFICATION, id, expected, r.certification().version()))
        .orElseGet(() -> new NotFoundException(CERTIFICATION, id));
  }
}
