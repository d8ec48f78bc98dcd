package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PartnerProgramException;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.ContactUpdate;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.generators.PartnerGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * DESIGN.md "Bad input" (**rule**): every public operation validates its input and fails with a
 * typed exception listing each violation by field; nothing is stored when it fails. Driven by
 * random invalid input; the store's whole content is compared before and after each call.
 */
public abstract class BadInputContract {
  /** The test's store, clock and program. */
  protected abstract TckContext context();

  /** How many invalid calls to try. */
  protected int examples() {
    return 150;
  }

  /** One invalid call against a registry holding a partner and a client. */
  private record BadCall(String description, Function<Fixture, Object> call) {
    @Override
    public String toString() {
      return description;
    }
  }

  private record Fixture(PartnerRegistry registry, Partner partner, Client client) {}

  private static Gen<BadCall> badCalls() {
    Gen<String> name = InvalidInput.names().map(s -> s);
    Gen<String> email = InvalidInput.emails().map(s -> s);
    Gen<String> goodName = PartnerGenerators.companyNames();
    Gen<String> goodEmail = PartnerGenerators.emails();
    List<Gen<BadCall>> calls = new ArrayList<>();
    calls.add(name.zip(goodEmail, (n, e) -> new BadCall("add(name=" + show(n) + ")",
        f -> f.registry().add(new NewPartner(n, e, Tier.GOLD)))));
    calls.add(goodName.zip(email, (n, e) -> new BadCall("add(email=" + show(e) + ")",
        f -> f.registry().add(new NewPartner(n, e, Tier.GOLD)))));
    calls.add(name.zip(email, (n, e) -> new BadCall("add(" + show(n) + ", " + show(e) + ", null tier)",
        f -> f.registry().add(new NewPartner(n, e, null)))));
    calls.add(name.zip(email, (n, e) -> new BadCall("updateContact(" + show(n) + ", " + show(e) + ")",
        f -> f.registry().updateContact(f.partner().id(), f.partner().version(), new ContactUpdate(n, e)))));
    calls.add(InvalidInput.impossibleVersions().map(v -> new BadCall("changeTier(version=" + v + ")",
        f -> f.registry().changeTier(f.partner().id(), v, new TierChangeRequest(Tier.PLATINUM, "a", "b")))));
    calls.add(name.map(n -> new BadCall("changeTier(changedBy=" + show(n) + ")",
        f -> f.registry().changeTier(f.partner().id(), f.partner().version(), new TierChangeRequest(Tier.PLATINUM, n, "why")))));
    calls.add(Generate.constant(new BadCall("changeTier(same tier)",
        f -> f.registry().changeTier(f.partner().id(), f.partner().version(), new TierChangeRequest(f.partner().tier(), "a", "b")))));
    calls.add(name.zip(InvalidInput.negativeCounts(), (n, c) -> new BadCall("addClient(" + show(n) + ", " + c + ")",
        f -> f.registry().addClient(f.partner().id(), new NewClient(n, c)))));
    calls.add(InvalidInput.negativeCounts().map(c -> new BadCall("setServerCount(" + c + ")",
        f -> f.registry().setServerCount(f.client().id(), f.client().version(), c))));
    calls.add(name.map(n -> new BadCall("renameClient(" + show(n) + ")",
        f -> f.registry().renameClient(f.client().id(), f.client().version(), n))));
    calls.add(InvalidInput.impossibleVersions().map(v -> new BadCall("removeClient(version=" + v + ")",
        f -> {
          f.registry().removeClient(f.client().id(), v);
          return v;
        })));
    calls.add(Generate.constant(new BadCall("deactivate(unknown partner)",
        f -> f.registry().deactivate(new PartnerId(UUID.randomUUID()), 1))));
    calls.add(Generate.constant(new BadCall("setServerCount(unknown client)",
        f -> f.registry().setServerCount(new ClientId(UUID.randomUUID()), 1, 5))));
    calls.add(Generate.constant(new BadCall("addClient(unknown partner)",
        f -> f.registry().addClient(new PartnerId(UUID.randomUUID()), new NewClient("c", 1)))));
    calls.add(org.quicktheories.generators.SourceDSL.integers().between(Integer.MIN_VALUE, -1).map(o -> new BadCall("list(offset=" + o + ")",
        f -> f.registry().list(PartnerQuery.all().page(o, 10)))));
    // Generate.oneOf takes varargs of a generic type; picking an index avoids a generic array.
    return Generate.range(0, calls.size() - 1).flatMap(calls::get);
  }

  private static String show(String s) {
    return s == null ? "null" : "'" + s.replace("\n", "\\n").replace("\u0000", "\\0") + "'"
        + (s.length() > 30 ? " (" + s.length() + " chars)" : "");
  }

  /** Everything the registry holds, to compare before and after. */
  private static List<Object> snapshot(PartnerRegistry registry) {
    List<Object> all = new ArrayList<>();
    for (Partner p : registry.list(PartnerQuery.all().page(0, PartnerQuery.MAX_LIMIT)).items()) {
      all.add(p);
      all.add(registry.clients(p.id()));
      all.add(registry.tierHistory(p.id()));
    }
    return all;
  }

  @Test
  @DisplayName("every invalid call fails with a typed validation or not-found error and changes nothing")
  void invalidInputChangesNothing() {
    PartnerRegistry registry = context().program().registry();
    Partner partner = registry.add(new NewPartner("Bad Input Target", "target@x.example", Tier.GOLD));
    Client client = registry.addClient(partner.id(), new NewClient("target client", 7));
    Fixture fixture = new Fixture(registry, partner, client);
    List<Object> before = snapshot(registry);
    qt().withExamples(examples()).withShrinkCycles(20).forAll(badCalls()).checkAssert(bad -> {
      try {
        Object result = bad.call().apply(fixture);
        throw new AssertionError(bad + " was accepted: " + result);
      } catch (ValidationException e) {
        assertFalse(e.violations().isEmpty(), bad + ": a validation error lists its violations");
      } catch (NotFoundException e) {
        // an id of nothing: the typed not-found error
      } catch (PartnerProgramException e) {
        throw new AssertionError(bad + " failed with " + e + " instead of a validation or not-found error", e);
      }
      assertEquals(before, snapshot(registry), bad + " changed the store");
    });
  }
}
