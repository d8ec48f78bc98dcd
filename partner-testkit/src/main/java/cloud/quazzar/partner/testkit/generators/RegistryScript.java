package cloud.quazzar.partner.testkit.generators;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgramException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.registry.TierChangeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a generated script of {@link RegistryOp}s against a {@link PartnerRegistry} while keeping a
 * plain model of what the registry should hold, and checks the registry against that model: every
 * operation must succeed or fail exactly as the model predicts (stale versions never occur, since
 * the script always passes the version it last saw), and afterwards every partner must match the
 * model, with its server count the sum of its clients' and its tier history replaying to its tier.
 *
 * <p>Company names get a namespace prefix so that scripts sharing one store do not collide.
 */
public final class RegistryScript {
  private final PartnerRegistry registry;
  private final String namespace;
  private final Map<PartnerId, ModelPartner> partners = new LinkedHashMap<>();
  private final List<ClientId> clientOrder = new ArrayList<>();
  private int applied;
  private int refused;

  private RegistryScript(PartnerRegistry registry, String namespace) {
    this.registry = registry;
    this.namespace = namespace;
  }

  /**
   * Runs {@code ops} and checks the outcome of each against the model.
   *
   * @param registry the registry under test
   * @param namespace prefix of every company name, unique per run in a shared store
   * @param ops the operations, in order
   * @return the run, to {@link #verify()} and inspect
   * @throws AssertionError at the first operation whose outcome differs from the model's
   */
  public static RegistryScript run(PartnerRegistry registry, String namespace, List<RegistryOp> ops) {
    RegistryScript s = new RegistryScript(registry, namespace);
    for (RegistryOp op : ops) {
      s.apply(op);
    }
    return s;
  }

  /**
   * How many operations succeeded.
   *
   * @return the number of operations that succeeded
   */
  public int applied() {
    return applied;
  }

  /**
   * How many operations were refused, as the model predicted.
   *
   * @return the number of operations refused
   */
  public int refused() {
    return refused;
  }

  /**
   * The ids of the partners the script created, in creation order.
   *
   * @return the partners' ids
   */
  public List<PartnerId> partners() {
    return List.copyOf(partners.keySet());
  }

  /**
   * Checks the registry's state against the model.
   *
   * @throws AssertionError naming the first difference
   */
  public void verify() {
    for (ModelPartner m : partners.values()) {
      Partner p = registry.get(m.id);
      List<Client> clients = registry.clients(m.id, PageRequest.first(PageRequest.MAX_LIMIT)).items();
      long sum = clients.stream().mapToLong(Client::serverCount).sum();
      check(p.serverCount() == sum, "server count " + p.serverCount() + " != sum of clients " + sum, p);
      check(p.clientCount() == clients.size(), "client count " + p.clientCount() + " != " + clients.size(), p);
      check(p.tier() == m.tier, "tier " + p.tier() + " != model " + m.tier, p);
      check(p.status() == m.status, "status " + p.status() + " != model " + m.status, p);
      check(p.version() == m.version, "version " + p.version() + " != model " + m.version, p);
      check(p.companyName().equals(m.name), "name '" + p.companyName() + "' != model '" + m.name + "'", p);
      check(sum == m.clients.values().stream().mapToLong(c -> c.servers).sum(), "sum differs from model", p);
      for (Client c : clients) {
        ModelClient mc = m.clients.get(c.id());
        check(mc != null, "unexpected client " + c, p);
        check(Objects.requireNonNull(mc).servers == c.serverCount() && mc.version == c.version()
            && mc.name.equals(c.name()), "client " + c + " != model " + mc, p);
      }
      check(clients.size() == m.clients.size(), "clients " + clients + " != model " + m.clients.values(), p);
      List<TierChange> history = registry.tierHistory(m.id, PageRequest.first(PageRequest.MAX_LIMIT)).items();
      Optional<Tier> replayed = Optional.empty();
      for (TierChange change : history) {
        check(change.from().equals(replayed), "history does not chain: " + history, p);
        replayed = Optional.of(change.to());
      }
      check(replayed.equals(Optional.of(p.tier())), "history replays to " + replayed + ", not " + p.tier(), p);
      check(history.size() == m.tierChanges + 1, "history has " + history.size() + " entries", p);
    }
  }

  private static void check(boolean ok, String message, Partner p) {
    if (!ok) {
      throw new AssertionError(message + " for " + p);
    }
  }

  private void apply(RegistryOp op) {
    if (op instanceof RegistryOp.AddPartner a) {
      addPartner(a.request());
    } else if (op instanceof RegistryOp.AddClient a) {
      withPartner(a.partner(), m -> addClient(m, a.request()));
    } else if (op instanceof RegistryOp.SetServerCount s) {
      withClient(s.client(), (m, c) -> expect(
          m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE : null,
          () -> registry.setServerCount(c.id, c.version, s.servers()),
          (Client r) -> {
            c.servers = s.servers();
            c.version++;
          }));
    } else if (op instanceof RegistryOp.RenameClient r) {
      withClient(r.client(), (m, c) -> expect(
          m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE
              : m.clientNameTaken(Names.key(r.name()), c.id) ? ConflictException.Reason.DUPLICATE : null,
          () -> registry.renameClient(c.id, c.version, r.name()),
          (Client x) -> {
            c.name = Names.clean(r.name());
            c.version++;
          }));
    } else if (op instanceof RegistryOp.RemoveClient r) {
      withClient(r.client(), (m, c) -> expect(
          m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE : null,
          () -> {
            registry.removeClient(c.id, c.version);
            return c;
          },
          x -> {
            m.clients.remove(c.id);
            clientOrder.remove(c.id);
          }));
    } else if (op instanceof RegistryOp.ChangeTier t) {
      withPartner(t.partner(), m -> changeTier(m, t.tier()));
    } else if (op instanceof RegistryOp.UpdateContact u) {
      withPartner(u.partner(), m -> {
        String name = namespace + " " + u.companyName();
        boolean taken = partners.values().stream()
            .anyMatch(o -> o != m && Names.key(o.name).equals(Names.key(name)));
        expect(taken ? ConflictException.Reason.DUPLICATE : null,
            () -> registry.updateContact(m.id, m.version, new ContactUpdate(name, u.contactEmail())),
            (Partner x) -> {
              m.name = Names.clean(name);
              m.version++;
            });
      });
    } else if (op instanceof RegistryOp.Deactivate d) {
      withPartner(d.partner(), m -> expect(
          m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE : null,
          () -> registry.deactivate(m.id, m.version),
          (Partner x) -> {
            m.status = PartnerStatus.INACTIVE;
            m.version++;
          }));
    } else if (op instanceof RegistryOp.Reactivate d) {
      withPartner(d.partner(), m -> expect(
          m.status == PartnerStatus.ACTIVE ? ConflictException.Reason.STATE : null,
          () -> registry.reactivate(m.id, m.version),
          (Partner x) -> {
            m.status = PartnerStatus.ACTIVE;
            m.version++;
          }));
    }
  }

  private void addPartner(NewPartner request) {
    String name = namespace + " " + request.companyName();
    boolean taken = partners.values().stream().anyMatch(o -> Names.key(o.name).equals(Names.key(name)));
    expect(taken ? ConflictException.Reason.DUPLICATE : null,
        () -> registry.add(new NewPartner(name, request.contactEmail(), request.tier())),
        (Partner p) -> partners.put(p.id(), new ModelPartner(p)));
  }

  private void addClient(ModelPartner m, NewClient request) {
    expect(
        m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE
            : m.clientNameTaken(Names.key(Objects.requireNonNull(request.name())), null)
                ? ConflictException.Reason.DUPLICATE : null,
        () -> registry.addClient(m.id, request),
        (Client c) -> {
          m.clients.put(c.id(), new ModelClient(c));
          clientOrder.add(c.id());
        });
  }

  private void changeTier(ModelPartner m, Tier tier) {
    if (m.status == PartnerStatus.ACTIVE && m.tier == tier) {
      try {
        registry.changeTier(m.id, m.version, new TierChangeRequest(tier, "script", "same tier"));
        throw new AssertionError("changing " + m.id + " to its own tier " + tier + " was accepted");
      } catch (ValidationException expected) {
        refused++;
        return;
      }
    }
    expect(m.status == PartnerStatus.INACTIVE ? ConflictException.Reason.STATE : null,
        () -> registry.changeTier(m.id, m.version, new TierChangeRequest(tier, "script", "generated")),
        (Partner p) -> {
          m.tier = tier;
          m.version++;
          m.tierChanges++;
        });
  }

  private <T> void expect(
      ConflictException.@Nullable Reason refusal, Supplier<T> call, java.util.function.Consumer<T> onSuccess) {
    T result;
    try {
      result = call.get();
    } catch (ConflictException e) {
      if (e.reason() != refusal) {
        throw new AssertionError("expected " + (refusal == null ? "success" : refusal) + " but got " + e, e);
      }
      refused++;
      return;
    } catch (PartnerProgramException e) {
      throw new AssertionError("expected " + (refusal == null ? "success" : refusal) + " but got " + e, e);
    }
    if (refusal != null) {
      throw new AssertionError("expected a " + refusal + " conflict but the call succeeded: " + result);
    }
    applied++;
    onSuccess.accept(result);
  }

  private void withPartner(int index, java.util.function.Consumer<ModelPartner> action) {
    if (!partners.isEmpty()) {
      action.accept(new ArrayList<>(partners.values()).get(index % partners.size()));
    }
  }

  private void withClient(int index, java.util.function.BiConsumer<ModelPartner, ModelClient> action) {
    if (clientOrder.isEmpty()) {
      return;
    }
    ClientId id = clientOrder.get(index % clientOrder.size());
    for (ModelPartner m : partners.values()) {
      ModelClient c = m.clients.get(id);
      if (c != null) {
        action.accept(m, c);
        return;
      }
    }
    throw new AssertionError("model lost client " + id);
  }

  private static final class ModelPartner {
    final PartnerId id;
    String name;
    Tier tier;
    PartnerStatus status;
    long version;
    int tierChanges;
    final Map<ClientId, ModelClient> clients = new LinkedHashMap<>();

    ModelPartner(Partner p) {
      id = p.id();
      name = p.companyName();
      tier = p.tier();
      status = p.status();
      version = p.version();
    }

    boolean clientNameTaken(String key, @Nullable ClientId self) {
      return clients.values().stream().anyMatch(c -> !c.id.equals(self) && Names.key(c.name).equals(key));
    }
  }

  private static final class ModelClient {
    final ClientId id;
    String name;
    long servers;
    long version;

    ModelClient(Client c) {
      id = c.id();
      name = c.name();
      servers = c.serverCount();
      version = c.version();
    }

    @Override
    public String toString() {
      return "ModelClient[" + id + ", " + name + ", " + servers + ", v" + version + "]";
    }
  }
}
