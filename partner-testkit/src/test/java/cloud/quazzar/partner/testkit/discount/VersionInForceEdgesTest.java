package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.CancelRequest;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.PolicyVersion;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Rule DISC-5 of docs/rules.md (a quote for a date uses the version in force that day: among the
 * versions not cancelled and effective on or before it, the latest first day, then the higher
 * number) where the engine's look-up by day has its edges: several versions sharing a first day,
 * histories on both sides of 1970-01-01 (epoch day 0), histories shorter and longer than the
 * engine's table of days (65,536 days, about 179 years; a binary search beyond). Every answer is
 * checked against {@link DiscountOracle#versionOn}.
 */
class VersionInForceEdgesTest {
  private static final Money HUNDRED = Money.of("100.00", "USD");

  /** A program whose clock stands at noon (UTC) of {@code today}. */
  private static PartnerProgram programOn(LocalDate today) {
    return PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(today, ZoneOffset.UTC)).build();
  }

  /** The example policy paying GOLD {@code goldPercent}, so that quotes tell versions apart. */
  private static DiscountPolicy gold(int goldPercent) {
    return DiscountGenerators.examplePolicy().toBuilder().baseRate(Tier.GOLD, String.valueOf(goldPercent))
        .baseRate(Tier.PLATINUM, "90").build();
  }

  private static PolicyVersion set(PartnerProgram program, LocalDate from, int goldPercent) {
    return program.discounts().setPolicy(gold(goldPercent), PolicyChange.from(from, "admin", "edge"));
  }

  /** Asks the program for every date of {@code dates}: the version in force and a quote under it, as the oracle says. */
  private static void assertAgrees(PartnerProgram program, Iterable<LocalDate> dates) {
    List<PolicyVersion> history = program.discounts().policyHistory();
    for (LocalDate date : dates) {
      Optional<PolicyVersion> expected = DiscountOracle.versionOn(history, date);
      assertEquals(expected, program.discounts().policyOn(date), date.toString());
      if (expected.isPresent()) {
        DiscountQuote q = program.discounts().quote(Tier.GOLD, 0, date, HUNDRED);
        assertEquals(expected.get(), q.policyVersion(), date.toString());
        assertEquals(expected.get().policy().baseRate(Tier.GOLD), q.totalRate(), date.toString());
      }
    }
  }

  private static List<LocalDate> around(LocalDate... days) {
    TreeSet<LocalDate> out = new TreeSet<>();
    for (LocalDate d : days) {
      out.addAll(List.of(d.minusDays(1), d, d.plusDays(1)));
    }
    return new ArrayList<>(out);
  }

  @Test
  @DisplayName("two versions from the same first day, in a history longer than the day table: the higher number is in force that day")
  void sameFirstDayInALongHistory() {
    LocalDate today = LocalDate.parse("2026-01-15");
    try (PartnerProgram program = programOn(today)) {
      set(program, today, 10);
      set(program, today, 11);
      set(program, today.plusDays(1), 12);
      set(program, today.plusDays(2), 13);
      set(program, today.plusDays(70_000), 14);
      assertEquals(2, program.discounts().policyOn(today).orElseThrow().version());
      assertEquals(11_00, program.discounts().quote(Tier.GOLD, 0, today, HUNDRED).totalRate().basisPoints());
      assertAgrees(program, around(today, today.plusDays(1), today.plusDays(2), today.plusDays(70_000)));
    }
  }

  @Test
  @DisplayName("versions on both sides of 1970-01-01: every day from before the first version to after the last")
  void acrossEpochDayZero() {
    LocalDate today = LocalDate.parse("1969-12-01");
    try (PartnerProgram program = programOn(today)) {
      set(program, today, 10);
      set(program, LocalDate.parse("1970-01-10"), 11);
      set(program, LocalDate.parse("1970-02-01"), 12);
      assertEquals(11_00, program.discounts().quote(Tier.GOLD, 0, LocalDate.parse("1970-01-10"), HUNDRED)
          .totalRate().basisPoints(), "the middle version on its first day");
      assertEquals(10_00, program.discounts().quote(Tier.GOLD, 0, LocalDate.parse("1969-12-31"), HUNDRED)
          .totalRate().basisPoints());
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate d = today.minusDays(1); !d.isAfter(LocalDate.parse("1970-02-02")); d = d.plusDays(1)) {
        days.add(d);
      }
      assertAgrees(program, days);
    }
  }

  @Test
  @DisplayName("for generated histories (first days shared, near, at and past the day table's length; some cancelled) "
      + "starting before, on or after 1970-01-01, the version in force is the oracle's on every day around each first day")
  void agreesWithTheOracle() {
    Gen<Integer> origins = Generate.pick(List.of(-45, -1, 0, 20_468));
    Gen<Integer> offsets = Generate.frequency(
        Pair.of(3, integers().between(0, 3)),
        Pair.of(2, integers().between(4, 60)),
        Pair.of(1, integers().between(65_534, 65_538)),
        Pair.of(1, integers().between(70_000, 70_002)));
    Gen<List<int[]>> ops = lists().of(offsets.zip(Generate.booleans(), (d, cancel) -> new int[] {d, cancel ? 1 : 0}))
        .ofSizeBetween(1, 10);
    qt().withExamples(Examples.scaled(150))
        .forAll(origins, ops)
        .checkAssert((origin, script) -> {
          LocalDate today = LocalDate.ofEpochDay(origin);
          try (PartnerProgram program = programOn(today)) {
            List<LocalDate> firstDays = new ArrayList<>(List.of(today));
            for (int i = 0; i < script.size(); i++) {
              int[] op = script.get(i);
              PolicyVersion v = set(program, today.plusDays(op[0]), 10 + i);
              if (op[1] == 1 && op[0] > 0) {
                program.discounts().cancelPolicy(v.version(), new CancelRequest("admin", "not after all"));
              }
              firstDays.add(v.effectiveFrom());
            }
            assertAgrees(program, around(firstDays.toArray(new LocalDate[0])));
          }
        });
  }
}
