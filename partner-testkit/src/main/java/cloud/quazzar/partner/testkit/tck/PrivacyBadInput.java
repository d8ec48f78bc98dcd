package cloud.quazzar.partner.testkit.tck;

import static cloud.quazzar.partner.testkit.tck.BadInputContract.bad;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.fixed;
import static cloud.quazzar.partner.testkit.tck.BadInputContract.partnerIds;

import cloud.quazzar.partner.privacy.ErasureRequest;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.tck.BadInputContract.Case;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The bad-input cases of personal data (erasure, its audit entries and the export), run by
 * {@link BadInputContract} as the dynamic tests of its "personal data" container: one {@link Case}
 * per operation and kind of bad input. An erasure refused must erase nothing.
 */
@SuppressWarnings({"NullAway", "NullOptional"}) // passes null ids, requests and streams on purpose: ValidationException expected
final class PrivacyBadInput {
  private PrivacyBadInput() {}

  /** Adds this capability's cases to {@code c}. */
  static void cases(List<Case> c) {
    c.add(bad("personalData.erase", InvalidInput.freeText(100), BadInputContract::textKind,
        (w, by) -> w.program().personalData().erase(w.active().id(), new ErasureRequest(by, "Art. 17 request"))));
    c.add(bad("personalData.erase", InvalidInput.freeText(500), BadInputContract::textKind,
        (w, why) -> w.program().personalData().erase(w.active().id(), new ErasureRequest("dpo", why))));
    c.add(bad("personalData.erase", partnerIds(), v -> "unknown id",
        (w, id) -> w.program().personalData().erase(id, new ErasureRequest("dpo", "Art. 17 request"))));
    c.add(fixed("personalData.erase", "null", "null id and request", w -> w.program().personalData().erase(null, null)));
    c.add(fixed("personalData.erasures", "null", "null id", w -> w.program().personalData().erasures(null)));
    c.add(bad("personalData.erasures", partnerIds(), v -> "unknown id",
        (w, id) -> w.program().personalData().erasures(id)));
    c.add(fixed("personalData.export", "null", "null id and stream", w -> {
      w.program().personalData().export(null, null);
      return null;
    }));
    c.add(bad("personalData.export", partnerIds(), v -> "unknown id", (w, id) -> {
      w.program().personalData().export(id, new ByteArrayOutputStream());
      return null;
    }));
    c.add(fixed("portal.exportPersonalData", "null", "null stream", w -> {
      w.program().portal(w.active().id()).exportPersonalData(null);
      return null;
    }));
  }
}
