package cloud.quazzar.partner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.memory.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact text of each kind of Bean Validation message the API produces, constraint parameters
 * filled in. Hibernate Validator interpolates them with its parameter interpolator, without an
 * Expression Language implementation (docs/decisions.md, B1): these must not change.
 */
class ValidationMessagesTest {
  private final PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).build();
  private final PartnerRegistry registry = program.registry();

  @AfterEach
  void close() {
    program.close();
  }

  private static List<Violation> violations(Runnable call) {
    return assertThrows(ValidationException.class, call::run).violations();
  }

  @Test
  @DisplayName("not null, not blank and e-mail messages")
  void plainMessages() {
    assertEquals(List.of(
            new Violation("companyName", "must not be blank"),
            new Violation("contactEmail", "must be a well-formed email address"),
            new Violation("tier", "must not be null")),
        violations(() -> registry.add(new NewPartner(" ", "nope", null))));
  }

  @Test
  @DisplayName("size and pattern messages, with the bounds and the record's own text")
  void sizeAndPattern() {
    assertEquals(List.of(new Violation("companyName", "size must be between 0 and 200")),
        violations(() -> registry.add(new NewPartner("x".repeat(201), "a@b.example", Tier.GOLD))));
    assertEquals(List.of(new Violation("companyName", "must not contain control characters other than white space,"
            + " unpaired surrogates, non-characters, or bidirectional embedding, override or isolate controls"
            + " (U+202A to U+202E, U+2066 to U+2069)")),
        violations(() -> registry.add(new NewPartner("Bad\u0000Name", "a@b.example", Tier.GOLD))));
  }

  @Test
  @DisplayName("minimum and maximum messages, with the bound")
  void bounds() {
    assertEquals(List.of(new Violation("limit", "must be greater than or equal to 1")),
        violations(() -> registry.list(PartnerQuery.all().withLimit(0))));
    assertEquals(List.of(new Violation("limit", "must be less than or equal to " + PartnerQuery.MAX_LIMIT)),
        violations(() -> registry.list(PartnerQuery.all().withLimit(PartnerQuery.MAX_LIMIT + 1))));
  }

  @Test
  @DisplayName("a count below zero")
  void positiveOrZero() {
    Partner p = registry.add(new NewPartner("Counts", "c@x.example", Tier.SILVER));
    assertEquals(List.of(new Violation("serverCount", "must be greater than or equal to 0")),
        violations(() -> registry.addClient(p.id(), new NewClient("c", -1))));
  }
}
