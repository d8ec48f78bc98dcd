package cloud.quazzar.partner.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.jdbc.JdbcStorage;
import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerRegistry;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChangeRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Host code" example, verbatim between the markers, plus checks of its comments. */
class ReadmeExampleTest {
  @TempDir Path dataDir;

  @Test
  @DisplayName("the README's host example compiles and does what its comments say")
  void readmeExample() {
    // README begin
    try (PartnerProgram program = PartnerProgram.builder()
            .clock(Clock.systemUTC())
            .zone(ZoneId.of("Europe/Berlin"))
            .storage(JdbcStorage.h2File(dataDir.resolve("partners")))
            .build()) {
        PartnerRegistry registry = program.registry();
        Partner atlas = registry.add(new NewPartner("Atlas Cloud", "partners@atlas.example", Tier.GOLD));
        registry.addClient(atlas.id(), new NewClient("Harbor Logistics", 30));
        registry.addClient(atlas.id(), new NewClient("Metro Schools", 20));

        Partner read = registry.get(atlas.id());   // serverCount 50, clientCount 2, version 1
        Partner platinum = registry.changeTier(read.id(), read.version(),
                new TierChangeRequest(Tier.PLATINUM, "alice@panel", "annual review"));
        boolean manager = platinum.benefits().dedicatedAccountManager();   // true
    // README end
        assertEquals(50, read.serverCount());
        assertEquals(2, read.clientCount());
        assertEquals(1, read.version());
        assertTrue(manager);
        assertEquals(2, registry.tierHistory(atlas.id()).size());
    }
  }
}
