package cloud.quazzar.partner.testkit.discount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.Combination;
import cloud.quazzar.partner.discount.DiscountPolicy;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.discount.PolicyChange;
import cloud.quazzar.partner.discount.Rate;
import cloud.quazzar.partner.memory.MemoryStorage;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.testkit.TestClock;
import cloud.quazzar.partner.testkit.generators.DiscountGenerators;
import cloud.quazzar.partner.testkit.oracle.DiscountOracle;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/discounts.md tells the truth: its worked examples and its explanation are what the engine says. */
class DiscountDocsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");

  private static List<String> docLines() throws IOException {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/discounts.md").normalize();
    return Files.readAllLines(doc);
  }

  private static List<String> between(List<String> lines, String startMarker, String endMarker) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(startMarker)) {
        start = i + 1;
      } else if (start >= 0 && lines.get(i).startsWith(endMarker)) {
        return lines.subList(start, i);
      }
    }
    throw new AssertionError("docs/discounts.md has no block " + startMarker + " ... " + endMarker);
  }

  private static DiscountPolicy policy(String name) {
    DiscountPolicy example = DiscountGenerators.examplePolicy();
    return switch (name) {
      case "example" -> example;
      case "example + HALF_EVEN" -> example.toBuilder().rounding(RoundingMode.HALF_EVEN).build();
      case "example + COMPOUND" -> example.toBuilder().combination(Combination.COMPOUND).build();
      case "example + cap 25%" -> example.toBuilder().cap("25").build();
      default -> throw new AssertionError("unknown policy in docs/discounts.md: " + name);
    };
  }

  private static Money money(String text) {
    String[] parts = text.strip().split(" ");
    return Money.of(parts[0], parts[1]);
  }

  private static DiscountQuote quote(DiscountPolicy policy, Tier tier, long servers, Money gross) {
    try (PartnerProgram program = PartnerProgram.builder().store(MemoryStorage.create()).clock(TestClock.at(Instant.parse("2026-01-15T09:30:00Z"))).build()) {
      program.discounts().setPolicy(policy, PolicyChange.today("docs", "worked example"));
      return program.discounts().quote(tier, servers, TODAY, gross);
    }
  }

  @Test
  @DisplayName("every worked example of docs/discounts.md is what the engine and the oracle compute")
  void workedExamples() throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line : between(docLines(), "<!-- worked-examples -->", "<!-- /worked-examples -->")) {
      if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| policy")) {
        rows.add(line);
      }
    }
    assertTrue(rows.size() >= 10, "the worked examples were found: " + rows.size());
    for (String row : rows) {
      List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).skip(1).toList();
      DiscountPolicy policy = policy(cells.get(0));
      Tier tier = Tier.valueOf(cells.get(1));
      long servers = Long.parseLong(cells.get(2));
      Money gross = money(cells.get(3));
      DiscountQuote q = quote(policy, tier, servers, gross);
      assertEquals(Rate.percent(cells.get(4)), q.totalRate(), row);
      assertEquals(money(cells.get(5)), q.discount(), row);
      assertEquals(money(cells.get(6)), q.net(), row);
      assertEquals(List.of(), DiscountOracle.quote(policy, tier, servers, gross).differences(q), row);
    }
  }

  @Test
  @DisplayName("the explanation shown in docs/discounts.md is the engine's, line for line")
  void explanation() throws IOException {
    List<String> block = between(docLines(), "<!-- explanation: GOLD 50 1000.00 USD -->", "<!-- /explanation -->");
    List<String> shown = block.stream().filter(l -> !l.startsWith("```")).toList();
    DiscountQuote q = quote(DiscountGenerators.examplePolicy(), Tier.GOLD, 50, Money.of("1000.00", "USD"));
    assertEquals(shown, q.explanation());
  }
}
