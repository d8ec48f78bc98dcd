package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import java.util.Optional;

/**
 * The {@link PartnerRegistry} the program hands out: each call of the implementation timed and classified
 * by {@link Observation} as operation {@code registry.<operation>} (docs/operations.md, "Metrics").
 * Written as plain delegation (no reflection) so that an unobserved call costs one volatile read
 * (OPS-14). A method added to the interface must be added here.
 */
public final class ObservedPartnerRegistry implements PartnerRegistry {
  private final PartnerRegistry delegate;
  private final Observation obs;

  /** Observes {@code delegate} through {@code obs}. */
  public ObservedPartnerRegistry(PartnerRegistry delegate, Observation obs) {
    this.delegate = delegate;
    this.obs = obs;
  }

  @Override
  public Partner add(NewPartner request) {
    long t = obs.start(Operation.REGISTRY_ADD);
    try {
      return obs.ok(Operation.REGISTRY_ADD, t, delegate.add(request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_ADD, t, e);
    }
  }

  @Override
  public Optional<Partner> find(PartnerId id) {
    long t = obs.start(Operation.REGISTRY_FIND);
    try {
      return obs.ok(Operation.REGISTRY_FIND, t, delegate.find(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_FIND, t, e);
    }
  }

  @Override
  public Partner get(PartnerId id) {
    long t = obs.start(Operation.REGISTRY_GET);
    try {
      return obs.ok(Operation.REGISTRY_GET, t, delegate.get(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_GET, t, e);
    }
  }

  @Override
  public Page<Partner> list(PartnerQuery query) {
    long t = obs.start(Operation.REGISTRY_LIST);
    try {
      return obs.ok(Operation.REGISTRY_LIST, t, delegate.list(query));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_LIST, t, e);
    }
  }

  @Override
  public long count(PartnerQuery query) {
    long t = obs.start(Operation.REGISTRY_COUNT);
    try {
      return obs.ok(Operation.REGISTRY_COUNT, t, delegate.count(query));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_COUNT, t, e);
    }
  }

  @Override
  public Partner changeTier(PartnerId id, long expectedVersion, TierChangeRequest request) {
    long t = obs.start(Operation.REGISTRY_CHANGE_TIER);
    try {
      return obs.ok(Operation.REGISTRY_CHANGE_TIER, t, delegate.changeTier(id, expectedVersion, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_CHANGE_TIER, t, e);
    }
  }

  @Override
  public Page<TierChange> tierHistory(PartnerId id, PageRequest page) {
    long t = obs.start(Operation.REGISTRY_TIER_HISTORY);
    try {
      return obs.ok(Operation.REGISTRY_TIER_HISTORY, t, delegate.tierHistory(id, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_TIER_HISTORY, t, e);
    }
  }

  @Override
  public Partner updateContact(PartnerId id, long expectedVersion, ContactUpdate update) {
    long t = obs.start(Operation.REGISTRY_UPDATE_CONTACT);
    try {
      return obs.ok(Operation.REGISTRY_UPDATE_CONTACT, t, delegate.updateContact(id, expectedVersion, update));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_UPDATE_CONTACT, t, e);
    }
  }

  @Override
  public Partner deactivate(PartnerId id, long expectedVersion) {
    long t = obs.start(Operation.REGISTRY_DEACTIVATE);
    try {
      return obs.ok(Operation.REGISTRY_DEACTIVATE, t, delegate.deactivate(id, expectedVersion));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_DEACTIVATE, t, e);
    }
  }

  @Override
  public Partner reactivate(PartnerId id, long expectedVersion) {
    long t = obs.start(Operation.REGISTRY_REACTIVATE);
    try {
      return obs.ok(Operation.REGISTRY_REACTIVATE, t, delegate.reactivate(id, expectedVersion));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_REACTIVATE, t, e);
    }
  }

  @Override
  public Client addClient(PartnerId partnerId, NewClient request) {
    long t = obs.start(Operation.REGISTRY_ADD_CLIENT);
    try {
      return obs.ok(Operation.REGISTRY_ADD_CLIENT, t, delegate.addClient(partnerId, request));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_ADD_CLIENT, t, e);
    }
  }

  @Override
  public Optional<Client> findClient(ClientId id) {
    long t = obs.start(Operation.REGISTRY_FIND_CLIENT);
    try {
      return obs.ok(Operation.REGISTRY_FIND_CLIENT, t, delegate.findClient(id));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_FIND_CLIENT, t, e);
    }
  }

  @Override
  public Page<Client> clients(PartnerId partnerId, PageRequest page) {
    long t = obs.start(Operation.REGISTRY_CLIENTS);
    try {
      return obs.ok(Operation.REGISTRY_CLIENTS, t, delegate.clients(partnerId, page));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_CLIENTS, t, e);
    }
  }

  @Override
  public Client renameClient(ClientId id, long expectedVersion, String name) {
    long t = obs.start(Operation.REGISTRY_RENAME_CLIENT);
    try {
      return obs.ok(Operation.REGISTRY_RENAME_CLIENT, t, delegate.renameClient(id, expectedVersion, name));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_RENAME_CLIENT, t, e);
    }
  }

  @Override
  public Client setServerCount(ClientId id, long expectedVersion, long serverCount) {
    long t = obs.start(Operation.REGISTRY_SET_SERVER_COUNT);
    try {
      return obs.ok(Operation.REGISTRY_SET_SERVER_COUNT, t, delegate.setServerCount(id, expectedVersion, serverCount));
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_SET_SERVER_COUNT, t, e);
    }
  }

  @Override
  public void removeClient(ClientId id, long expectedVersion) {
    long t = obs.start(Operation.REGISTRY_REMOVE_CLIENT);
    try {
      delegate.removeClient(id, expectedVersion);
      obs.ok(Operation.REGISTRY_REMOVE_CLIENT, t);
    } catch (RuntimeException e) {
      throw obs.failed(Operation.REGISTRY_REMOVE_CLIENT, t, e);
    }
  }
}
