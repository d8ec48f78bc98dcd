package cloud.quazzar.partner.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
  @TempDir Path dir;

  private String runOnce() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Quickstart.main(new String[] {dir.toString()});
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the first run creates the demo program; the second finds it in the H2 file and prints it again")
  void twoRuns() {
    String first = runOnce();
    assertTrue(first.contains("first run: created 6 partners with 10 clients"), first);
    assertTrue(first.contains("Atlas Cloud Services"), first);
    String second = runOnce();
    assertTrue(second.contains("found the stored data of an earlier run: 6 partners"), second);
    String table = first.substring(first.indexOf("Partners"), first.indexOf("Discount policy"));
    assertTrue(second.contains(table), "the second run prints the same partners:\n" + second);
    assertTrue(first.contains("Atlas Cloud Services   GOLD, 50 servers"), first);
    assertTrue(first.matches("(?s).*Atlas Cloud Services +GOLD, 50 servers.*20.*200\\.00 USD.*"), first);
    assertTrue(first.contains("revenue: 33 month(s) recorded now, 0 already"), first);
    assertTrue(second.contains("revenue: 0 month(s) recorded now, 33 already"), second);
    assertTrue(second.contains("CSV for accounting (33 rows)"), second);
    assertTrue(first.matches("(?s).*Events: \\d+ in the log; listener 'quickstart-audit' resumed after event 0 and accepted \\d+.*"
        + "PartnerCreated +6.*RevenueRecorded +33.*"), first);
    long firstLast = Long.parseLong(first.replaceAll("(?s).*Events: (\\d+) in the log.*", "$1"));
    assertTrue(second.contains("listener 'quickstart-audit' resumed after event " + firstLast + " and accepted "),
        "the second run's listener resumes where the first stopped:\n" + second);
    assertTrue(!second.substring(second.indexOf("Events: ")).contains("PartnerCreated"),
        "the second run's listener does not get the first run's events again:\n" + second);
    String review = first.substring(first.indexOf("Tier review "));
    assertTrue(review.matches("(?s)Tier review \\d{4}-\\d\\d-\\d\\d \\(grace period 90 days.*Atlas Cloud Services +GOLD +\\w+.*"),
        review);
    assertTrue(!review.contains("AT_RISK") && !review.contains(" -> "),
        "verdicts are sentences, not an enum and an arrow that reads as a demotion:\n" + review);
    assertTrue(review.matches("(?s).*\\n +missing (SILVER|GOLD|PLATINUM): .*"),
        "each missing requirement names its tier:\n" + review);
    assertTrue(!first.contains("1 expire within") && !first.contains("\u001B"),
        "\"1 expires\", and no terminal escape codes outside a terminal:\n" + first);
    String again = second.substring(second.indexOf("Tier review "));
    if (again.startsWith(review.substring(0, "Tier review 2026-01-01".length()))) {
      assertTrue(again.equals(review), "the same day's review prints the same:\n" + review + "\n" + again);
    }
    assertTrue(first.contains("Expired") && first.contains("Critical") && first.contains("Expiring soon")
        && first.contains("Active"), first);
    assertTrue(table.matches("(?s).*Atlas Cloud Services\\s+GOLD\\s+50\\s+2\\s+ENHANCED.*"), table);
    assertTrue(table.matches("(?s).*Evergreen IT\\s+GOLD\\s+49\\s+2.*"), table);
    String lastMonth = java.time.YearMonth.now().minusMonths(1).toString();
    for (String run : List.of(first, second)) {
      assertTrue(run.contains("Portal of Atlas Cloud Services (GOLD, 2 clients): billing statement for " + lastMonth), run);
      assertTrue(run.contains("licensing 1000.00 EUR, discount 200.00 EUR, net 800.00 EUR (tier GOLD, 50 servers"), run);
      assertTrue(run.contains("volume step 50+ servers reached: bonus +5%"), run);
    }
  }
}
