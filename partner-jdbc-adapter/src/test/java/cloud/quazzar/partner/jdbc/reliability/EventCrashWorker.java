package cloud.quazzar.partner.jdbc.reliability;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.revenue.RevenueRecording;
import cloud.quazzar.partner.spi.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The node {@link NoLostEventTest} kills: it subscribes the listener {@value #LISTENER}, which
 * writes each event it gets to a file and, at event {@code blockAt}, hangs (a listener stuck on a
 * slow downstream); meanwhile the main thread commits {@code changes} changes (two events each),
 * so the events after {@code blockAt} are committed and not delivered. Then it prints {@value
 * #COMMITTED} and waits to be killed.
 */
final class EventCrashWorker {
  static final String LISTENER = "mailer";
  static final String BLOCKED = "LISTENER BLOCKED";
  static final String COMMITTED = "ALL COMMITTED";
  /** The lease both sides use, short so that the restarted node takes over soon after the kill. */
  static final Duration LEASE = Duration.ofSeconds(1);

  private EventCrashWorker() {}

  static PartnerProgram program(Store store) {
    return PartnerProgram.builder().store(store).clock(Clock.systemUTC()).zone(ZoneOffset.UTC)
        .eventLease(LEASE).eventRetryDelay(Duration.ofMillis(200)).build();
  }

  static void run(String url, String user, String schema, int changes, long blockAt, Path delivered) throws Exception {
    Store store = Reliability.open(Reliability.settings(url, user, schema));
    PartnerProgram program = program(store);
    program.events().subscribe(LISTENER, r -> {
      try {
        Files.writeString(delivered, r.sequence() + " " + r.event().type() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (r.sequence() == blockAt) {
        System.out.println(BLOCKED + " at " + blockAt);
        System.out.flush();
        sleepForever();
      }
    });
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    for (int i = 0; i < changes; i++) {
      Partner p = program.registry().add(new NewPartner("Crash partner " + i, "crash" + i + "@example.com", Tier.SILVER));
      program.revenue().record(RevenueRecording.of(p.id(), month, Money.of("10.00", "USD"), "crash-" + i));
    }
    System.out.println(COMMITTED + " " + program.events().lastSequence());
    System.out.flush();
    sleepForever();
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep waiting for the kill
      }
    }
  }
}
