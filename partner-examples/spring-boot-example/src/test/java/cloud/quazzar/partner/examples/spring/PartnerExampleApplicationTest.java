package cloud.quazzar.partner.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.discount.DiscountQuote;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerQuery;
import cloud.quazzar.partner.registry.Tier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example application started as a host starts it ({@code SpringApplication.run}), on an H2 file
 * and on PostgreSQL. PostgreSQL: {@code -Dpartner.pg.url} (default {@value #PG_URL}) as {@code
 * -Dpartner.pg.user} (default postgres), in a schema of its own that the test drops; an unreachable
 * server fails the test when PostgreSQL is required ({@code -Dpartner.pg.required=true}, {@code CI=true}
 * or {@code PARTNER_PG_REQUIRED=true}), else skips it, as the adapter's PostgreSQL suites do.
 */
class PartnerExampleApplicationTest {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  @TempDir Path dir;

  @Test
  @DisplayName("on an H2 file: the start-up onboards Acme Cloud, quotes 15% for Gold, welcomes it through the"
      + " listener bean; a second start finds it in the file")
  void onH2File() throws InterruptedException {
    String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("partners");
    try (ConfigurableApplicationContext app = SpringApplication.run(PartnerExampleApplication.class, url)) {
      checkTheDesk(app);
    }
    try (ConfigurableApplicationContext app = SpringApplication.run(PartnerExampleApplication.class, url)) {
      PartnerProgram program = app.getBean(PartnerProgram.class);
      assertEquals(2, program.registry().count(PartnerQuery.all()), "Acme Cloud and Beta Hosting, in the file");
      assertEquals(1, program.registry().count(PartnerQuery.all().withNamePrefix(PartnerDesk.DEMO_PARTNER)),
          "the second start found Acme Cloud and added it not again");
    }
  }

  @Test
  @DisplayName("on PostgreSQL, in a schema of its own (dropped afterwards)")
  void onPostgres() throws InterruptedException, SQLException {
    String pgUrl = System.getProperty("partner.pg.url", PG_URL);
    String user = System.getProperty("partner.pg.user", "postgres");
    requirePostgres(pgUrl, user);
    String schema = "sbx_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (ConfigurableApplicationContext app = SpringApplication.run(PartnerExampleApplication.class,
        "--spring.datasource.url=" + pgUrl, "--spring.datasource.username=" + user,
        "--quazzar.partner.storage.schema=" + schema)) {
      checkTheDesk(app);
      PartnerProgram program = app.getBean(PartnerProgram.class);
      assertTrue(program.store().description().contains("postgresql"), program.store().description());
      try (Connection c = DriverManager.getConnection(pgUrl, user, null); Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
        rs.next();
        assertTrue(rs.getInt(1) > 0, "the program's tables are in schema " + schema);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(pgUrl, user, null); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      }
    }
  }

  private static void checkTheDesk(ConfigurableApplicationContext app) throws InterruptedException {
    PartnerDesk desk = app.getBean(PartnerDesk.class);
    Partner acme = desk.find(PartnerDesk.DEMO_PARTNER).orElseThrow(() -> new AssertionError("the start-up onboarded no partner"));
    assertEquals(Tier.GOLD, acme.tier());
    DiscountQuote quote = desk.quote(acme.id(), Money.of("1000.00", "USD"));
    assertEquals(Money.of("150.00", "USD"), quote.discount(), quote.toString());
    assertEquals(Money.of("850.00", "USD"), quote.net(), quote.toString());
    Partner beta = desk.onboard("Beta Hosting", "partners@beta.example", Tier.SILVER);
    assertEquals(Money.of("100.00", "USD"), desk.quote(beta.id(), Money.of("1000.00", "USD")).discount());
    WelcomeMails mails = app.getBean(WelcomeMails.class);
    for (int i = 0; i < 200 && mails.welcomed().size() < 2; i++) {
      Thread.sleep(50);
    }
    assertEquals(List.of(PartnerDesk.DEMO_PARTNER, "Beta Hosting"), mails.welcomed(), "welcome mails within 10 s");
  }

  /** Fails (PostgreSQL required) or skips the test if the server does not answer. */
  private static void requirePostgres(String url, String user) {
    try (Connection c = DriverManager.getConnection(url, user, null)) {
      assertTrue(c.isValid(5), "PostgreSQL at " + url + " answers");
    } catch (SQLException e) {
      String reason = "PostgreSQL at " + url + " as " + user + " does not answer: " + e.getMessage();
      boolean required = "true".equalsIgnoreCase(System.getProperty("partner.pg.required"))
          || "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("PARTNER_PG_REQUIRED"));
      if (required) {
        fail(reason + ". PostgreSQL is required here (-Dpartner.pg.required=true, CI=true or PARTNER_PG_REQUIRED=true):"
            + " start it, or point -Dpartner.pg.url / -Dpartner.pg.user at a running server.");
      }
      Assumptions.abort(reason + ". Skipped; set -Dpartner.pg.required=true to make this a failure instead.");
    }
  }
}
