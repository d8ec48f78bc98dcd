package cloud.quazzar.partner.internal;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static cloud.quazzar.partner.ConflictException.Reason.STATE;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.IdGenerator;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.events.PartnerCreated;
import cloud.quazzar.partner.events.PartnerDeactivated;
import cloud.quazzar.partner.events.PartnerReactivated;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.internal.events.OutboxStore;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.Store;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The registry's rules (REG-1 to REG-6 of docs/rules.md; input checked by {@link Checks}, BAD-1),
 * once, over any {@link Store}. Every change emits its event in its own transaction (EVT-1).
 */
public final class DefaultPartnerRegistry implements PartnerRegistry {
  static final String PARTNER = "partner";
  static final String CLIENT = "client";
  static final String INITIAL_BY = "registry";
  static final String INITIAL_REASON = "initial tier";
  /** Limits of the request records' free text (docs/rules.md TEXT-1), checked again once cleaned. */
  static final int NAME_LENGTH = 200;
  static final int BY_LENGTH = 100;
  static final int REASON_LENGTH = 500;

  private final OutboxStore store;
  private final PageTokens tokens;
  private final ProgramTime time;
  private final IdGenerator ids;

  public DefaultPartnerRegistry(OutboxStore store, ProgramTime time, IdGenerator ids) {
    this.store = store;
    this.tokens = new PageTokens(store);
    this.time = time;
    this.ids = ids;
  }

  /** Stores keep microseconds (decision D3), so core never hands them more. */
  private Instant now() {
    return time.now();
  }

  @Override
  public Partner add(NewPartner request) {
    Checks.start().bean("request", request)
        .name("companyName", request == null ? null : request.companyName(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(request.companyName()));
    String email = Objects.requireNonNull(request.contactEmail());
    var tier = Objects.requireNonNull(request.tier());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      rejectTakenName(repo, name, null);
      Instant now = now();
      PartnerRecord rec = new PartnerRecord(
          new PartnerId(ids.next()), name, email, tier, PartnerStatus.ACTIVE, now, now, 1);
      repo.insert(rec);
      repo.appendTierChange(new TierChange(rec.id(), 1, Optional.empty(), tier, now, INITIAL_BY, INITIAL_REASON));
      store.emit(new PartnerCreated(rec.id(), rec.companyName(), tier, now));
      return rec.toPartner(ClientTotals.NONE);
    });
  }

  @Override
  public Optional<Partner> find(PartnerId id) {
    Checks.start().notNull("id", id).done();
    return store.read(tx -> tx.partners().find(id).map(rec -> withTotals(tx.partners(), rec)));
  }

  @Override
  public Partner get(PartnerId id) {
    return find(id).orElseThrow(() -> new NotFoundException(PARTNER, id));
  }

  @Override
  public Page<Partner> list(PartnerQuery query) {
    PartnerListing listing = listing(query, true);
    return store.read(tx -> {
      PartnerRepository repo = tx.partners();
      List<PartnerRecord> rows = repo.list(listing);
      // LIST-1: one row more than the page tells whether a next page exists, without counting
      boolean more = rows.size() > query.limit();
      List<PartnerRecord> page = more ? rows.subList(0, query.limit()) : rows;
      Map<PartnerId, ClientTotals> totals = repo.clientTotals(page.stream().map(PartnerRecord::id).toList());
      Optional<String> next = more
          ? Optional.of(tokens.sign(scope(listing), position(PartnerListing.Position.of(page.get(page.size() - 1)))))
          : Optional.empty();
      return new Page<>(page.stream().map(r -> r.toPartner(totals.getOrDefault(r.id(), ClientTotals.NONE))).toList(), next);
    });
  }

  @Override
  public long count(PartnerQuery query) {
    PartnerListing listing = listing(query, false);
    return store.read(tx -> tx.partners().count(listing));
  }

  /**
   * The store's listing for {@code query} (LIST-1 to LIST-3 of docs/rules.md): its search texts as
   * keys, its token verified and read into a position.
   */
  private PartnerListing listing(PartnerQuery query, boolean page) {
    Checks.start().bean("query", query).done();
    int limit = page ? query.limit() + 1 : 1;
    // a valid text may still have an empty key (only invisible characters): it would match every name
    Optional<String> prefix = query.namePrefix().map(Names::key);
    Optional<String> contains = query.nameContains().map(Names::key);
    String visible = "must hold a letter, digit or other visible character (its key, Names.key, is empty)";
    Checks.start().check(prefix.filter(String::isEmpty).isEmpty(), "namePrefix", visible)
        .check(contains.filter(String::isEmpty).isEmpty(), "nameContains", visible).done();
    PartnerListing first = new PartnerListing(query.tiers(), query.statuses(), prefix, contains,
        query.emailContains().map(PartnerListing::asciiLowerCase), query.sort(), query.direction(), Optional.empty(),
        limit);
    Optional<PartnerListing.Position> after = query.pageToken().map(t -> position(tokens.verify(scope(first), t)));
    return new PartnerListing(first.tiers(), first.statuses(), first.nameKeyPrefix(), first.nameKeyContains(),
        first.emailContains(), first.sort(), first.direction(), after, limit);
  }

  /** What a partners token belongs to: the listing's filters and order, never its page or size. */
  private static String scope(PartnerListing l) {
    return "partners\n" + new TreeSet<>(l.tiers()) + "\n" + new TreeSet<>(l.statuses()) + "\n" + l.nameKeyPrefix() + "\n"
        + l.nameKeyContains() + "\n" + l.emailContains() + "\n" + l.sort() + "\n" + l.direction();
  }

  // the exact instant (seconds and nanosecond of the second) and the tier's rank
  @SuppressWarnings({"JavaInstantGetSecondsGetNano", "EnumOrdinal"})
  private static byte[] position(PartnerListing.Position p) {
    byte[] key = p.nameKey().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + 4 + 1 + key.length).putLong(p.createdAt().getEpochSecond())
        .putInt(p.createdAt().getNano()).put((byte) p.tier().ordinal()).put(key).array();
  }

  @SuppressWarnings("EnumOrdinal") // the tier's rank, as position(Position) wrote it
  private static PartnerListing.Position position(ByteBuffer body) {
    // the body was signed by this store's key, so it is one that position(Position) wrote
    Instant createdAt = Instant.ofEpochSecond(body.getLong(), body.getInt());
    Tier tier = Tier.values()[body.get()];
    byte[] key = new byte[body.remaining()];
    body.get(key);
    return new PartnerListing.Position(new String(key, StandardCharsets.UTF_8), createdAt, tier);
  }

  @Override
  public Partner changeTier(PartnerId id, long expectedVersion, TierChangeRequest request) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("request", request)
        .text("changedBy", request == null ? null : request.changedBy(), BY_LENGTH)
        .text("reason", request == null ? null : request.reason(), REASON_LENGTH).done();
    var to = Objects.requireNonNull(request.tier());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      requireActive(cur, "change its tier");
      if (cur.tier() == to) {
        throw cloud.quazzar.partner.ValidationException.of("tier", "is already " + to + "; choose another tier");
      }
      Instant now = now();
      PartnerRecord next = new PartnerRecord(
          id, cur.companyName(), cur.contactEmail(), to, cur.status(), cur.createdAt(), now, cur.version() + 1);
      update(repo, next, expectedVersion);
      int seq = repo.lastTierSequence(id) + 1;
      TierChange change = new TierChange(
          id, seq, Optional.of(cur.tier()), to, now,
          Names.clean(Objects.requireNonNull(request.changedBy())),
          Names.clean(Objects.requireNonNull(request.reason())));
      repo.appendTierChange(change); // REG-4: the history is appended to, never rewritten
      store.emit(new TierChanged(change));
      return withTotals(repo, next);
    });
  }

  @Override
  public Page<TierChange> tierHistory(PartnerId id, PageRequest page) {
    Checks.start().notNull("id", id).bean("page", page).done();
    String scope = "tierHistory\n" + id;
    int after = page.pageToken().map(t -> tokens.verify(scope, t).getInt()).orElse(0);
    return store.read(tx -> {
      List<TierChange> rows = tx.partners().tierHistory(id, after, page.limit() + 1);
      if (rows.isEmpty() && tx.partners().find(id).isEmpty()) {
        throw new NotFoundException(PARTNER, id);
      }
      return tokens.page(scope, rows, page.limit(), c -> PageTokens.number(c.sequence()));
    });
  }

  @Override
  public Partner updateContact(PartnerId id, long expectedVersion, ContactUpdate update) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).bean("update", update)
        .name("companyName", update == null ? null : update.companyName(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(update.companyName()));
    String email = Objects.requireNonNull(update.contactEmail());
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      rejectTakenName(repo, name, id);
      PartnerRecord next = new PartnerRecord(
          id, name, email, cur.tier(), cur.status(), cur.createdAt(), now(), cur.version() + 1);
      update(repo, next, expectedVersion);
      return withTotals(repo, next);
    });
  }

  @Override
  public Partner deactivate(PartnerId id, long expectedVersion) {
    return setStatus(id, expectedVersion, PartnerStatus.INACTIVE);
  }

  @Override
  public Partner reactivate(PartnerId id, long expectedVersion) {
    return setStatus(id, expectedVersion, PartnerStatus.ACTIVE);
  }

  /** REG-5: a partner is deactivated or reactivated, never deleted; its history stays. */
  private Partner setStatus(PartnerId id, long expectedVersion, PartnerStatus status) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).done();
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord cur = loadForUpdate(repo, id, expectedVersion);
      if (cur.status() == status) {
        throw new ConflictException(STATE, "partner " + id + " is already " + status);
      }
      Instant now = now();
      PartnerRecord next = new PartnerRecord(
          id, cur.companyName(), cur.contactEmail(), cur.tier(), status, cur.createdAt(), now, cur.version() + 1);
      update(repo, next, expectedVersion);
      store.emit(status == PartnerStatus.ACTIVE
          ? new PartnerReactivated(id, next.version(), now)
          : new PartnerDeactivated(id, next.version(), now));
      return withTotals(repo, next);
    });
  }

  @Override
  public Client addClient(PartnerId partnerId, NewClient request) {
    Checks.start().notNull("partnerId", partnerId).bean("request", request)
        .name("name", request == null ? null : request.name(), NAME_LENGTH).done();
    String name = Names.clean(Objects.requireNonNull(request.name()));
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      PartnerRecord partner = repo.find(partnerId).orElseThrow(() -> new NotFoundException(PARTNER, partnerId));
      requireActive(partner, "add a client");
      Instant now = now();
      Client client = new Client(new ClientId(ids.next()), partnerId, name, request.serverCount(), now, now, 1);
      rejectTakenClientName(repo, client, null);
      repo.insertClient(client);
      return client;
    });
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    Checks.start().notNull("id", id).done();
    return store.read(tx -> tx.partners().findClient(id));
  }

  @Override
  public Page<Client> clients(PartnerId partnerId, PageRequest page) {
    Checks.start().notNull("partnerId", partnerId).bean("page", page).done();
    // LIST-2: a token belongs to one partner's clients, so it never reads another partner's
    String scope = "clients\n" + partnerId;
    Optional<String> after = page.pageToken()
        .map(t -> StandardCharsets.UTF_8.decode(tokens.verify(scope, t)).toString());
    return store.read(tx -> {
      if (tx.partners().find(partnerId).isEmpty()) {
        throw new NotFoundException(PARTNER, partnerId);
      }
      return tokens.page(scope, tx.partners().clients(partnerId, after, page.limit() + 1), page.limit(),
          c -> c.nameKey().getBytes(StandardCharsets.UTF_8));
    });
  }

  @Override
  public Client renameClient(ClientId id, long expectedVersion, String name) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .bean("name", name == null ? null : new NewClient(name, 0)).name("name", name, NAME_LENGTH).done();
    String clean = Names.clean(name);
    return changeClient(id, expectedVersion, cur -> new Client(
        id, cur.partnerId(), clean, cur.serverCount(), cur.createdAt(), now(), cur.version() + 1));
  }

  @Override
  public Client setServerCount(ClientId id, long expectedVersion, long serverCount) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion)
        .check(serverCount >= 0, "serverCount", "must be greater than or equal to 0")
        .check(serverCount <= Client.MAX_SERVER_COUNT, "serverCount",
            "must be less than or equal to " + Client.MAX_SERVER_COUNT).done();
    return changeClient(id, expectedVersion, cur -> new Client(
        id, cur.partnerId(), cur.name(), serverCount, cur.createdAt(), now(), cur.version() + 1));
  }

  @Override
  public void removeClient(ClientId id, long expectedVersion) {
    Checks.start().notNull("id", id).version("expectedVersion", expectedVersion).done();
    store.write(tx -> {
      PartnerRepository repo = tx.partners();
      Client cur = loadClientForUpdate(repo, id, expectedVersion);
      if (!repo.deleteClient(id, expectedVersion)) {
        throw stale(repo.findClient(id).map(Client::version), CLIENT, id, expectedVersion);
      }
      return cur;
    });
  }

  private Client changeClient(ClientId id, long expectedVersion, java.util.function.UnaryOperator<Client> change) {
    return store.write(tx -> {
      PartnerRepository repo = tx.partners();
      Client cur = loadClientForUpdate(repo, id, expectedVersion);
      Client next = change.apply(cur);
      if (!next.nameKey().equals(cur.nameKey())) {
        rejectTakenClientName(repo, next, id);
      }
      if (!repo.updateClient(next, expectedVersion)) {
        throw stale(repo.findClient(id).map(Client::version), CLIENT, id, expectedVersion);
      }
      return next;
    });
  }

  private Client loadClientForUpdate(PartnerRepository repo, ClientId id, long expectedVersion) {
    Client cur = repo.findClient(id).orElseThrow(() -> new NotFoundException(CLIENT, id));
    if (cur.version() != expectedVersion) {
      throw ConflictException.staleVersion(CLIENT, id, expectedVersion, cur.version());
    }
    PartnerRecord partner = repo.find(cur.partnerId())
        .orElseThrow(() -> new IllegalStateException("client " + id + " has no partner " + cur.partnerId()));
    requireActive(partner, "change its clients");
    return cur;
  }

  /** REG-6: an update carries the version read; a stale one is a typed conflict. */
  private static PartnerRecord loadForUpdate(PartnerRepository repo, PartnerId id, long expectedVersion) {
    PartnerRecord cur = repo.find(id).orElseThrow(() -> new NotFoundException(PARTNER, id));
    if (cur.version() != expectedVersion) {
      throw ConflictException.staleVersion(PARTNER, id, expectedVersion, cur.version());
    }
    return cur;
  }

  /** The store's compare-and-set failed after our read: someone committed in between. */
  private static void update(PartnerRepository repo, PartnerRecord next, long expectedVersion) {
    if (!repo.update(next, expectedVersion)) {
      throw stale(repo.find(next.id()).map(PartnerRecord::version), PARTNER, next.id(), expectedVersion);
    }
  }

  private static RuntimeException stale(Optional<Long> actual, String entity, Object id, long expected) {
    return actual.<RuntimeException>map(v -> ConflictException.staleVersion(entity, id, expected, v))
        .orElseGet(() -> new NotFoundException(entity, id));
  }

  private static void requireActive(PartnerRecord partner, String action) {
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException(STATE,
          "partner " + partner.id() + " is " + partner.status() + "; reactivate it to " + action);
    }
  }

  /** REG-2: company names are unique by their name key (TEXT-2). */
  private static void rejectTakenName(PartnerRepository repo, String name, @Nullable PartnerId self) {
    repo.findByNameKey(Names.key(name))
        .filter(other -> !other.id().equals(self))
        .ifPresent(other -> {
          throw new ConflictException(DUPLICATE,
              "company name '" + name + "' is already used by partner " + other.id()
                  + " (names are compared by their key: case, white space, invisible characters and"
                  + " compatibility forms aside)");
        });
  }

  private static void rejectTakenClientName(PartnerRepository repo, Client client, @Nullable ClientId self) {
    repo.findClientByNameKey(client.partnerId(), client.nameKey())
        .filter(other -> !other.id().equals(self))
        .ifPresent(other -> {
          throw new ConflictException(DUPLICATE,
              "partner " + client.partnerId() + " already has a client named '" + other.name()
                  + "' (names are compared by their key: case, white space, invisible characters and"
                  + " compatibility forms aside)");
        });
  }

  /** REG-3: the server and client counts are derived from the clients (decision D5). */
  private static Partner withTotals(PartnerRepository repo, PartnerRecord rec) {
    return rec.toPartner(repo.clientTotals(rec.id()));
  }
}
