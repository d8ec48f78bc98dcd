package cloud.quazzar.partner.examples;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Tier;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A host's start-up, for {@link StartupOutputTest}: opens the H2 file store (Flyway migrates it),
 * has Bean Validation refuse a request (Hibernate Validator starts and logs its version) and accept
 * one, and closes. It prints only {@code startup: done} itself; everything else on the standard
 * output or error comes from the libraries.
 *
 * <p>Usage: {@code StartupProbe <data-directory>}.
 */
final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    Path dir = Path.of(args[0]).toAbsolutePath();
    try (PartnerProgram program = PartnerProgram.builder().storage(JdbcStorage.h2File(dir.resolve("partners"))).build()) {
      try {
        program.registry().add(new NewPartner(" ", "not an address", null));
        throw new IllegalStateException("bad input was accepted");
      } catch (ValidationException expected) {
        program.registry().add(new NewPartner("Startup Hosting", "startup@example.com", Tier.SILVER));
      }
    }
    out.println("startup: done");
  }
}
