package cloud.quazzar.partner.benchmarks;

import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Set-up shared by the revenue benchmarks. */
@SuppressWarnings("EnumOrdinal") // picks tiers by index for varied inputs; their order does not matter
final class Partners {
  static final Currency USD = Currency.getInstance("USD");

  private Partners() {}

  /** Adds {@code n} partners through the registry and returns their ids in order. */
  static List<PartnerId> add(PartnerProgram program, int n) {
    List<PartnerId> ids = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      ids.add(program.registry().add(
          new NewPartner("Bench Partner " + p, "p" + p + "@bench.example", Tier.values()[p % 3])).id());
    }
    return ids;
  }
}
