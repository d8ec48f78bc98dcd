package cloud.quazzar.partner.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.quazzar.partner.registry.Names;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How a review cuts a tier change's reason to the characters a reason may have (docs/reviews.md,
 * "Audit"; rule REVIEW-7): whole up to the limit, else cut with "...", and never through a surrogate
 * pair, whose lone half free text refuses (docs/rules.md TEXT-1). The review's own words are ASCII,
 * so the surrogate case is pinned here, on the cut alone.
 */
class ReasonCutTest {
  private static final String CAT = "\uD83D\uDC08"; // U+1F408, one character in two chars

  @Test
  @DisplayName("a text of at most the limit is kept whole; one char more is cut to limit - 3 chars and '...'")
  void limit() {
    assertEquals("abcdef", DefaultTierReviews.cut("abcdef", 6));
    assertEquals("abcde", DefaultTierReviews.cut("abcde", 6));
    assertEquals("abc...", DefaultTierReviews.cut("abcdefg", 6));
    assertEquals(500, DefaultTierReviews.cut("r".repeat(501), 500).length());
  }

  @Test
  @DisplayName("a cut that would end in the first half of a surrogate pair ends one char earlier, so the pair goes whole")
  void surrogatePairNeverSplit() {
    // chars 0..1 "ab", 2..3 the pair, 4.. "cdefgh": a cut at limit - 3 = 3 falls inside the pair
    String cut = DefaultTierReviews.cut("ab" + CAT + "cdefgh", 6);
    assertEquals("ab...", cut);
    assertTrue(cut.matches(Names.TEXT_PATTERN), "free text TEXT-1 accepts: " + cut);
    // the pair just before the cut is kept whole
    String whole = DefaultTierReviews.cut("a" + CAT + "cdefgh", 6);
    assertEquals("a" + CAT + "...", whole);
    assertTrue(whole.matches(Names.TEXT_PATTERN), whole);
    // a pair right after the cut does not move it
    assertEquals("abc...", DefaultTierReviews.cut("abc" + CAT + "defgh", 6));
  }
}
