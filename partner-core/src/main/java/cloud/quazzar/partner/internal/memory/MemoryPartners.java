package cloud.quazzar.partner.internal.memory;

import static cloud.quazzar.partner.ConflictException.Reason.DUPLICATE;
import static java.util.Objects.requireNonNull;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import cloud.quazzar.partner.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Partner tables of the memory store; guarded by the store's lock. */
final class MemoryPartners {
  private final Map<PartnerId, PartnerRecord> byId = new HashMap<>();
  /** Name keys are unique, so this is also the listing order (name key, then id). */
  private final TreeMap<String, PartnerRecord> byNameKey = new TreeMap<>(Names.KEY_ORDER);
  private final Map<PartnerId, List<TierChange>> history = new HashMap<>();
  private final Map<ClientId, Client> clients = new HashMap<>();
  private final Map<PartnerId, TreeMap<String, Client>> clientsByPartner = new HashMap<>();
  private final Map<PartnerId, List<Erasure>> erasures = new HashMap<>();

  /**
   * The tables as one transaction sees them; {@code tx} is that transaction, whose certifications
   * and ledger the list's filters on aggregates read (LIST-5).
   */
  PartnerRepository view(@Nullable Deque<Runnable> undo, StoreTransaction tx) {
    return new View(undo, tx);
  }

  private final class View implements PartnerRepository {
    private final @Nullable Deque<Runnable> undo;
    private final StoreTransaction tx;

    View(@Nullable Deque<Runnable> undo, StoreTransaction tx) {
      this.undo = undo;
      this.tx = tx;
    }

    private void onRollback(Runnable inverse) {
      UndoLogs.writable(undo).push(inverse);
    }

    private void checkWritable() {
      UndoLogs.writable(undo);
    }

    @Override
    public void insert(PartnerRecord p) {
      checkWritable();
      if (byId.containsKey(p.id()) || byNameKey.containsKey(p.nameKey())) {
        throw new ConflictException(DUPLICATE, "company name '" + p.companyName() + "' or id " + p.id() + " is taken");
      }
      byId.put(p.id(), p);
      byNameKey.put(p.nameKey(), p);
      onRollback(() -> {
        byId.remove(p.id());
        byNameKey.remove(p.nameKey());
      });
    }

    @Override
    public Optional<PartnerRecord> find(PartnerId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<PartnerRecord> findByNameKey(String nameKey) {
      return Optional.ofNullable(byNameKey.get(nameKey));
    }

    @Override
    public boolean update(PartnerRecord p, long expectedVersion) {
      checkWritable();
      PartnerRecord old = byId.get(p.id());
      if (old == null || old.version() != expectedVersion) {
        return false;
      }
      PartnerRecord holder = byNameKey.get(p.nameKey());
      if (holder != null && !holder.id().equals(p.id())) {
        throw new ConflictException(DUPLICATE, "company name '" + p.companyName() + "' is taken");
      }
      byNameKey.remove(old.nameKey());
      byNameKey.put(p.nameKey(), p);
      byId.put(p.id(), p);
      onRollback(() -> {
        byNameKey.remove(p.nameKey());
        byNameKey.put(old.nameKey(), old);
        byId.put(old.id(), old);
      });
      return true;
    }

    @Override
    public List<PartnerRecord> list(PartnerListing listing) {
      // rows in name key order; NAME seeks to the position and walks from it, either way, until
      // the page is full. The other orders sort the matching rows (the memory store is for tests
      // and demonstrations, not a million partners). Client totals are summed when asked for and
      // the aggregates read through the transaction (PartnerListing.rowOf), never kept.
      if (listing.sort() == PartnerSort.NAME) {
        NavigableMap<String, PartnerRecord> rows = listing.direction() == SortDirection.ASCENDING
            ? byNameKey : byNameKey.descendingMap();
        if (listing.after().isPresent()) {
          rows = rows.tailMap(listing.after().get().nameKey(), false);
        }
        List<PartnerRecord> page = new ArrayList<>(Math.min(listing.limit(), 64));
        for (PartnerRecord p : rows.values()) {
          if (page.size() == listing.limit()) {
            break;
          }
          if (listing.matches(listing.rowOf(p, tx))) {
            page.add(p);
          }
        }
        return page;
      }
      return byNameKey.values().stream().map(p -> listing.rowOf(p, tx))
          .filter(r -> listing.matches(r) && listing.isAfter(r)).sorted(listing.order()).limit(listing.limit())
          .map(PartnerListing.Row::partner).toList();
    }

    @Override
    public long count(PartnerListing listing) {
      return byNameKey.values().stream().filter(p -> listing.matches(listing.rowOf(p, tx))).count();
    }

    @Override
    public Map<PartnerId, ClientTotals> clientTotals(Collection<PartnerId> ids) {
      Map<PartnerId, ClientTotals> out = new HashMap<>();
      for (PartnerId id : ids) {
        out.put(id, clientTotals(id));
      }
      return out;
    }

    @Override
    public ClientTotals clientTotals(PartnerId id) {
      TreeMap<String, Client> cs = clientsByPartner.get(id);
      if (cs == null || cs.isEmpty()) {
        return ClientTotals.NONE;
      }
      long servers = 0;
      for (Client c : cs.values()) {
        servers += c.serverCount();
      }
      return new ClientTotals(servers, cs.size());
    }

    @Override
    public void appendTierChange(TierChange change) {
      checkWritable();
      List<TierChange> list = history.computeIfAbsent(change.partnerId(), k -> new ArrayList<>());
      for (TierChange existing : list) {
        if (existing.sequence() == change.sequence()) {
          throw new ConflictException(DUPLICATE,
              "partner " + change.partnerId() + " already has tier history entry " + change.sequence());
        }
      }
      list.add(change);
      onRollback(() -> list.remove(list.size() - 1));
    }

    @Override
    public List<TierChange> tierHistory(PartnerId id) {
      List<TierChange> list = history.get(id);
      if (list == null) {
        return List.of();
      }
      return list.stream().sorted(java.util.Comparator.comparingInt(TierChange::sequence)).toList();
    }

    @Override
    public List<TierChange> tierHistory(PartnerId id, int afterSequence, int limit) {
      // sequences run 1, 2, 3, ... without gaps (appendTierChange refuses a taken one): the entry
      // after afterSequence is at index afterSequence once sorted
      List<TierChange> all = tierHistory(id);
      int from = Math.min(Math.max(afterSequence, 0), all.size());
      return all.subList(from, Math.min(all.size(), from + limit)).stream().filter(c -> c.sequence() > afterSequence)
          .toList();
    }

    @Override
    public int eraseTierChangeReasons(PartnerId partnerId, String replacement) {
      checkWritable();
      List<TierChange> list = history.get(partnerId);
      if (list == null) {
        return 0;
      }
      List<TierChange> before = List.copyOf(list);
      int changed = 0;
      for (int i = 0; i < list.size(); i++) {
        TierChange c = list.get(i);
        if (!c.reason().equals(replacement)) {
          list.set(i, new TierChange(c.partnerId(), c.sequence(), c.from(), c.to(), c.changedAt(), c.changedBy(),
              replacement));
          changed++;
        }
      }
      if (changed > 0) {
        onRollback(() -> {
          list.clear();
          list.addAll(before);
        });
      }
      return changed;
    }

    @Override
    public void appendErasure(Erasure erasure) {
      checkWritable();
      List<Erasure> list = erasures.computeIfAbsent(erasure.partnerId(), k -> new ArrayList<>());
      list.add(erasure);
      onRollback(() -> list.remove(list.size() - 1));
    }

    @Override
    public List<Erasure> erasures(PartnerId partnerId) {
      return List.copyOf(erasures.getOrDefault(partnerId, new ArrayList<>()));
    }

    @Override
    public void insertClient(Client c) {
      checkWritable();
      TreeMap<String, Client> cs = clientsByPartner.computeIfAbsent(c.partnerId(), k -> new TreeMap<>(Names.KEY_ORDER));
      if (clients.containsKey(c.id()) || cs.containsKey(c.nameKey())) {
        throw new ConflictException(DUPLICATE, "client name '" + c.name() + "' or id " + c.id() + " is taken");
      }
      clients.put(c.id(), c);
      cs.put(c.nameKey(), c);
      onRollback(() -> {
        clients.remove(c.id());
        cs.remove(c.nameKey());
      });
    }

    @Override
    public Optional<Client> findClient(ClientId id) {
      return Optional.ofNullable(clients.get(id));
    }

    @Override
    public Optional<Client> findClientByNameKey(PartnerId partnerId, String nameKey) {
      TreeMap<String, Client> cs = clientsByPartner.get(partnerId);
      return cs == null ? Optional.empty() : Optional.ofNullable(cs.get(nameKey));
    }

    @Override
    public int lastTierSequence(PartnerId id) {
      List<TierChange> list = history.get(id);
      return list == null ? 0 : list.size();
    }

    @Override
    public boolean updateClient(Client c, long expectedVersion) {
      checkWritable();
      Client old = clients.get(c.id());
      if (old == null || old.version() != expectedVersion) {
        return false;
      }
      TreeMap<String, Client> cs = requireNonNull(clientsByPartner.get(old.partnerId()), "a stored client's partner has a client map");
      Client holder = cs.get(c.nameKey());
      if (holder != null && !holder.id().equals(c.id())) {
        throw new ConflictException(DUPLICATE, "client name '" + c.name() + "' is taken");
      }
      cs.remove(old.nameKey());
      cs.put(c.nameKey(), c);
      clients.put(c.id(), c);
      onRollback(() -> {
        cs.remove(c.nameKey());
        cs.put(old.nameKey(), old);
        clients.put(old.id(), old);
      });
      return true;
    }

    @Override
    public boolean deleteClient(ClientId id, long expectedVersion) {
      checkWritable();
      Client old = clients.get(id);
      if (old == null || old.version() != expectedVersion) {
        return false;
      }
      TreeMap<String, Client> cs = requireNonNull(clientsByPartner.get(old.partnerId()), "a stored client's partner has a client map");
      clients.remove(id);
      cs.remove(old.nameKey());
      onRollback(() -> {
        clients.put(id, old);
        cs.put(old.nameKey(), old);
      });
      return true;
    }

    @Override
    public List<Client> clients(PartnerId partnerId) {
      TreeMap<String, Client> cs = clientsByPartner.get(partnerId);
      return cs == null ? List.of() : List.copyOf(cs.values());
    }

    @Override
    public List<Client> clients(PartnerId partnerId, Optional<String> afterNameKey, int limit) {
      TreeMap<String, Client> cs = clientsByPartner.get(partnerId);
      if (cs == null) {
        return List.of();
      }
      NavigableMap<String, Client> rest = afterNameKey.isPresent() ? cs.tailMap(afterNameKey.get(), false) : cs;
      return rest.values().stream().limit(limit).toList();
    }
  }
}
