package cloud.quazzar.partner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.memory.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rule BAD-1: every violation listed by field; nothing stored. */
class ValidationTest {
  private final PartnerRegistry registry = PartnerProgram.builder().store(MemoryStorage.create()).build().registry();

  @Test
  @DisplayName("a request with three bad fields reports all three, sorted by field")
  void everyViolationListed() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> registry.add(new NewPartner("", "nope", null)));
    assertEquals(List.of("companyName", "contactEmail", "tier"), e.fields());
    assertTrue(e.getMessage().startsWith("invalid input (3): companyName: must not be blank"), e.getMessage());
    assertEquals(0, registry.count(PartnerQuery.all()));
  }

  @Test
  @DisplayName("null, over-long and control-character text are refused with the allowed range named")
  void badText() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> registry.add(new NewPartner("x".repeat(201), "a b@c.example", Tier.GOLD)));
    assertTrue(e.violations().contains(new Violation("companyName", "size must be between 0 and 200")), e.getMessage());
    assertTrue(e.fields().contains("contactEmail"));
    ValidationException nul = assertThrows(ValidationException.class,
        () -> registry.add(new NewPartner("Bad\u0000Name", "a@b.example", Tier.GOLD)));
    assertEquals(List.of("companyName"), nul.fields());
    assertThrows(ValidationException.class, () -> registry.add(null));
  }

  @Test
  @DisplayName("paging bounds are validated")
  void paging() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> registry.list(PartnerQuery.all().withLimit(0).withNamePrefix(" ")));
    assertEquals(List.of("limit", "namePrefix"), e.fields());
    assertThrows(ValidationException.class, () -> registry.list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT + 1)));
  }

  @Test
  @DisplayName("ids parse from text or fail as validation errors")
  void ids() {
    assertEquals("partnerId", assertThrows(ValidationException.class, () -> PartnerId.parse("x")).fields().get(0));
    assertEquals("clientId", assertThrows(ValidationException.class, () -> ClientId.parse("")).fields().get(0));
  }

  @Test
  @DisplayName("client server counts must be 0 or more")
  void negativeServers() {
    Partner p = registry.add(new NewPartner("Servers", "s@x.example", Tier.SILVER));
    assertEquals(List.of("serverCount"),
        assertThrows(ValidationException.class, () -> registry.addClient(p.id(), new NewClient("c", -1))).fields());
    Client c = registry.addClient(p.id(), new NewClient("c", 1));
    assertEquals(List.of("serverCount"),
        assertThrows(ValidationException.class, () -> registry.setServerCount(c.id(), 1, -5)).fields());
    assertEquals(List.of("expectedVersion", "name"),
        assertThrows(ValidationException.class, () -> registry.renameClient(c.id(), 0, " ")).fields());
  }
}
