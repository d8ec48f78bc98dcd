package cloud.quazzar.partner.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.certification.CertificationLevel;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.NewCertification;
import cloud.quazzar.partner.certification.SkillArea;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.MonthRange;
import cloud.quazzar.partner.revenue.RevenueFilter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Pins each call that the TCK's bad-input property ({@code BadInputContract}) found failing with
 * something other than a {@link ValidationException} or {@link NotFoundException}, or succeeding,
 * before the library was fixed. Each example names the fields the error lists.
 */
class BadInputFixesTest {
  private static final YearMonth JAN = YearMonth.of(2026, 1);

  /** The fields the ValidationException lists (in the exception's order: sorted by name). */
  private static List<String> fields(Executable call) {
    return assertThrows(ValidationException.class, call).fields();
  }

  @Test
  @DisplayName("a month range out of order, with a null month or of no months is a ValidationException (was IllegalArgumentException, NPE)")
  void monthRange() {
    assertEquals(List.of("to"), fields(() -> new MonthRange(JAN, JAN.minusMonths(1))));
    assertEquals(List.of("from", "to"), fields(() -> new MonthRange(null, null)));
    assertEquals(List.of("count"), fields(() -> MonthRange.lastMonths(JAN, 0)));
    assertEquals(List.of("last"), fields(() -> MonthRange.lastMonths(null, 3)));
  }

  @Test
  @DisplayName("a revenue filter out of order, with null tiers or a null partner is a ValidationException (was IllegalArgumentException, NPE)")
  void revenueFilter() {
    assertEquals(List.of("to"), fields(() -> new RevenueFilter(Optional.empty(), Optional.of(JAN),
        Optional.of(JAN.minusMonths(2)), Set.of())));
    assertEquals(List.of("tiers"), fields(() -> new RevenueFilter(Optional.empty(), Optional.empty(), Optional.empty(), null)));
    assertEquals(List.of("tiers"), fields(() -> new RevenueFilter(Optional.empty(), Optional.empty(), Optional.empty(),
        new HashSet<>(Arrays.asList(Tier.GOLD, null)))));
    assertEquals(List.of("from", "partnerId", "to"), fields(() -> new RevenueFilter(null, null, null, Set.of())));
    assertEquals(List.of("partnerId"), fields(() -> RevenueFilter.all().withPartner(null)));
  }

  @Test
  @DisplayName("a partner query with a null set or a null element is a ValidationException (was NPE)")
  void partnerQuery() {
    assertEquals(List.of("certificationStatuses", "direction", "emailContains", "maxClientCount", "maxMrr",
        "maxServerCount", "minClientCount", "minMrr", "minServerCount", "mrrMonth", "nameContains", "namePrefix",
        "pageToken", "sort", "sortCurrency", "sortMonth", "statuses", "tiers"),
        fields(() -> new PartnerQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, 10, null)));
    PartnerQuery all = PartnerQuery.all();
    assertEquals(List.of("statuses"), fields(() -> new PartnerQuery(Set.of(), new HashSet<>(Arrays.asList((PartnerStatus) null)),
        Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), all.minServerCount(), all.maxServerCount(),
        all.minClientCount(), all.maxClientCount(), Optional.empty(), Optional.empty(), Optional.empty(),
        PartnerSort.NAME, SortDirection.ASCENDING, Optional.empty(), Optional.empty(), 10, Optional.empty())));
    assertEquals(List.of("certificationStatuses"), fields(() -> all.withCertificationStatuses(CertificationStatus.EXPIRED,
        (CertificationStatus) null)));
    assertEquals(List.of("maxMrr", "mrrMonth"), fields(() -> all.withMrrAtMost(null, null)));
    assertEquals(List.of("direction", "sortCurrency", "sortMonth"), fields(() -> all.sortedByMrr(null, null, null)));
  }

  @Test
  @DisplayName("money with a null amount or currency is a ValidationException (was NPE)")
  void money() {
    assertEquals(List.of("currency"), fields(() -> Money.ofMinor(1, null)));
    assertEquals(List.of("amount", "currency"), fields(() -> Money.of((BigDecimal) null, null)));
    assertEquals(List.of("amount"), fields(() -> Money.of("1", "USD").plus(null)));
  }

  @Test
  @DisplayName("a discount policy with null collections or a null tier is a ValidationException (was NPE)")
  void discountPolicy() {
    List<String> nulls = fields(() -> new DiscountPolicy(null, null, null, Combination.ADDITIVE, Rate.FULL, RoundingMode.HALF_UP));
    assertTrue(nulls.containsAll(List.of("baseRates", "volumeSchedule", "tierSchedules")), nulls.toString());
    List<String> nullTier = fields(() -> DiscountPolicy.builder().baseRate(null, "5").baseRate(Tier.SILVER, "1")
        .baseRate(Tier.GOLD, "2").baseRate(Tier.PLATINUM, "3").build());
    assertEquals(List.of("baseRates"), nullTier);
  }

  @Test
  @DisplayName("a null builder option is a ValidationException naming it, and the option can still be set (was NPE)")
  void builderNulls() {
    PartnerProgram.Builder b = PartnerProgram.builder();
    assertEquals(List.of("clock"), fields(() -> b.clock(null)));
    assertEquals(List.of("zone"), fields(() -> b.zone(null)));
    assertEquals(List.of("store"), fields(() -> b.store(null)));
    assertEquals(List.of("expiryThresholds"), fields(() -> b.expiryThresholds(null)));
    try (PartnerProgram program = b.clock(TestClock.at(Instant.parse("2026-01-15T10:00:00Z")))
        .store(MemoryStorage.create()).build()) {
      assertEquals(LocalDate.of(2026, 1, 15), program.today());
    }
  }

  @Test
  @DisplayName("a certification holder with one control character is refused and nothing is stored (was accepted)")
  void holderControlCharacter() {
    try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(Instant.parse("2026-01-15T10:00:00Z"))).build()) {
      Partner p = program.registry().add(new NewPartner("Holder Check", "h@x.example", Tier.GOLD));
      LocalDate today = program.today();
      for (String holder : List.of("Ann\u0007", "\u0085", "A\u0000B", "\u007F")) {
        NewCertification bad = new NewCertification("Cloud", SkillArea.FLEET_MANAGEMENT, CertificationLevel.BASIC,
            Optional.of(holder), today, today.plusDays(30));
        assertEquals(List.of("holder"), fields(() -> program.certifications().add(p.id(), bad)));
      }
      assertEquals(List.of(), program.certifications().history(p.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }
  }

  @Test
  @DisplayName("an export filtered to a partner that does not exist is a NotFoundException and writes nothing (was an empty CSV)")
  void exportOfUnknownPartner() {
    try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(Instant.parse("2026-01-15T10:00:00Z"))).build()) {
      PartnerId missing = new PartnerId(UUID.randomUUID());
      StringWriter out = new StringWriter();
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> program.revenue().exportCsv(RevenueFilter.all().withPartner(missing), out));
      assertEquals("partner " + missing + " not found", e.getMessage());
      assertEquals("", out.toString());
    }
  }
}
