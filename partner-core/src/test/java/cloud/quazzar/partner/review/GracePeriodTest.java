package cloud.quazzar.partner.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.Tier;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grace period's date bounds: {@code startedOn} inclusive, {@code demotionDueOn} exclusive. */
class GracePeriodTest {
  private static final PartnerId PARTNER = new PartnerId(new UUID(0, 1));

  @Test
  @DisplayName("not over on its first and last day of grace; over from demotionDueOn, the first day without grace")
  void boundaryDays() {
    LocalDate start = LocalDate.of(2026, 11, 28);
    GracePeriod grace = new GracePeriod(PARTNER, Tier.GOLD, start, start.plusDays(90));
    assertFalse(grace.isOverOn(start), "the first day of grace");
    assertFalse(grace.isOverOn(start.plusDays(89)), "the 90th and last day of grace");
    assertTrue(grace.isOverOn(start.plusDays(90)), "demotionDueOn");
    assertTrue(grace.isOverOn(start.plusDays(91)));
  }

  @Test
  @DisplayName("a one-day grace period covers only the day it started")
  void oneDay() {
    LocalDate start = LocalDate.of(2028, 2, 29);
    GracePeriod grace = new GracePeriod(PARTNER, Tier.PLATINUM, start, start.plusDays(1));
    assertFalse(grace.isOverOn(start));
    assertTrue(grace.isOverOn(LocalDate.of(2028, 3, 1)));
  }
}
