package com.example.partner.store;

import cloud.quazzar.partner.privacy.Erasure;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.spi.ClientTotals;
import cloud.quazzar.partner.spi.PartnerListing;
import cloud.quazzar.partner.spi.PartnerRecord;
import cloud.quazzar.partner.spi.PartnerRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partners, clients and tier history. Uniqueness (a partner's name key, a client's name key within
 * its partner, a tier history sequence) is checked here, against the transaction's data: writes run
 * one at a time, so the check cannot race. The partners list filters and orders with {@link
 * PartnerListing}'s own rules, over rows whose aggregates (client totals, current certifications,
 * current ledger entries) {@link PartnerListing#rowOf(PartnerRecord, java.util.Collection,
 * java.util.Collection, java.util.Collection)} sums from the data each time; clients are ordered by name key with {@link Names#KEY_ORDER} (code
 * points), then id. The defaults of {@code existing}, {@code
 * lastTierSequence} and {@code findClientByNameKey} are kept.
 */
final class Partners implements PartnerRepository {
  private static final Comparator<Client> CLIENT_ORDER =
      Comparator.comparing(Client::nameKey, Names.KEY_ORDER).thenComparing(c -> c.id().value().toString());

  private final Transaction tx;

  Partners(Transaction tx) {
    this.tx = tx;
  }

  @Override
  public void insert(PartnerRecord partner) {
    Data data = tx.dataToChange();
    if (data.partners.containsKey(partner.id())) {
      throw tx.duplicate("partner id " + partner.id());
    }
    if (findByNameKey(partner.nameKey()).isPresent()) {
      throw tx.duplicate("partner name '" + partner.companyName() + "'");
    }
    data.partners.put(partner.id(), partner);
  }

  @Override
  public Optional<PartnerRecord> find(PartnerId id) {
    return Optional.ofNullable(tx.data().partners.get(id));
  }

  @Override
  public Optional<PartnerRecord> findByNameKey(String nameKey) {
    return tx.data().partners.values().stream().filter(p -> p.nameKey().equals(nameKey)).findFirst();
  }

  @Override
  public boolean update(PartnerRecord partner, long expectedVersion) {
    Data data = tx.dataToChange();
    PartnerRecord stored = data.partners.get(partner.id());
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    Optional<PartnerRecord> sameName = findByNameKey(partner.nameKey());
    if (sameName.isPresent() && !sameName.get().id().equals(partner.id())) {
      throw tx.duplicate("partner name '" + partner.companyName() + "'");
    }
    data.partners.put(partner.id(), partner);
    return true;
  }

  @Override
  public List<PartnerRecord> list(PartnerListing listing) {
    // a scan and a sort: fine for an example; a store for many partners seeks through an index
    return rows().stream()
        .filter(r -> listing.matches(r) && listing.isAfter(r))
        .sorted(listing.order())
        .limit(listing.limit())
        .map(PartnerListing.Row::partner)
        .toList();
  }

  @Override
  public long count(PartnerListing listing) {
    return rows().stream().filter(listing::matches).count();
  }

  /** Every partner with its aggregates, summed from the clients, certifications and ledger here. */
  private List<PartnerListing.Row> rows() {
    Data data = tx.data();
    return data.partners.values().stream()
        .map(p -> PartnerListing.rowOf(p, data.clients.values(), data.certifications.values(), data.ledger.values()))
        .toList();
  }

  @Override
  public Map<PartnerId, ClientTotals> clientTotals(Collection<PartnerId> ids) {
    Map<PartnerId, ClientTotals> totals = new LinkedHashMap<>();
    for (PartnerId id : ids) {
      List<Client> clients = clients(id);
      totals.put(id, new ClientTotals(clients.stream().mapToLong(Client::serverCount).sum(), clients.size()));
    }
    return totals;
  }

  @Override
  public void appendTierChange(TierChange change) {
    Data data = tx.dataToChange();
    boolean taken = data.tierChanges.stream()
        .anyMatch(c -> c.partnerId().equals(change.partnerId()) && c.sequence() == change.sequence());
    if (taken) {
      throw tx.duplicate("tier history entry " + change.sequence() + " of partner " + change.partnerId());
    }
    data.tierChanges.add(change);
  }

  @Override
  public int eraseTierChangeReasons(PartnerId partnerId, String replacement) {
    Data data = tx.dataToChange();
    int changed = 0;
    for (int i = 0; i < data.tierChanges.size(); i++) {
      TierChange c = data.tierChanges.get(i);
      if (c.partnerId().equals(partnerId) && !c.reason().equals(replacement)) {
        data.tierChanges.set(i, new TierChange(c.partnerId(), c.sequence(), c.from(), c.to(), c.changedAt(),
            c.changedBy(), replacement));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public void appendErasure(Erasure erasure) {
    tx.dataToChange().erasures.add(erasure);
  }

  @Override
  public List<Erasure> erasures(PartnerId partnerId) {
    return tx.data().erasures.stream().filter(e -> e.partnerId().equals(partnerId)).toList();
  }

  @Override
  public List<TierChange> tierHistory(PartnerId id) {
    return tx.data().tierChanges.stream()
        .filter(c -> c.partnerId().equals(id))
        .sorted(Comparator.comparingInt(TierChange::sequence))
        .toList();
  }

  @Override
  public void insertClient(Client client) {
    Data data = tx.dataToChange();
    if (data.clients.containsKey(client.id())) {
      throw tx.duplicate("client id " + client.id());
    }
    if (findClientByNameKey(client.partnerId(), client.nameKey()).isPresent()) {
      throw tx.duplicate("client name '" + client.name() + "' of partner " + client.partnerId());
    }
    data.clients.put(client.id(), client);
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    return Optional.ofNullable(tx.data().clients.get(id));
  }

  @Override
  public boolean updateClient(Client client, long expectedVersion) {
    Data data = tx.dataToChange();
    Client stored = data.clients.get(client.id());
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    Optional<Client> sameName = findClientByNameKey(client.partnerId(), client.nameKey());
    if (sameName.isPresent() && !sameName.get().id().equals(client.id())) {
      throw tx.duplicate("client name '" + client.name() + "' of partner " + client.partnerId());
    }
    data.clients.put(client.id(), client);
    return true;
  }

  @Override
  public boolean deleteClient(ClientId id, long expectedVersion) {
    Data data = tx.dataToChange();
    Client stored = data.clients.get(id);
    if (stored == null || stored.version() != expectedVersion) {
      return false;
    }
    data.clients.remove(id);
    return true;
  }

  @Override
  public List<Client> clients(PartnerId partnerId) {
    return tx.data().clients.values().stream()
        .filter(c -> c.partnerId().equals(partnerId))
        .sorted(CLIENT_ORDER)
        .toList();
  }
}
