package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import cloud.quazzar.partner.discount.Rate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of input that the library must refuse: nulls, blanks, over-long and
 * control-character text, malformed emails, negative and impossible numbers, inexact, negative
 * and huge amounts, unknown currencies, rates out of range, days out of range, dates and months out
 * of order, and ids of nothing. Property tests feed them to the public API and check that every
 * call fails with a typed error ({@code ValidationException} listing the violations, or
 * {@code NotFoundException} for an id of nothing) and stores nothing; {@code
 * cloud.quazzar.partner.testkit.tck.BadInputContract} is the library's own such property, and rule
 * authors may reuse these generators for their own operations.
 *
 * <p>Each generator documents which field it is invalid for; a value may be valid elsewhere (a
 * 150-character text is a fine company name and an over-long {@code changedBy}).
 */
public final class InvalidInput {
  private InvalidInput() {}

  /**
   * Two values in the wrong order: {@code to} is strictly before {@code from}.
   *
   * @param from the start, after {@code to}
   * @param to the end, before {@code from}
   * @param <T> dates or months
   */
  public record OutOfOrder<T>(T from, T to) {}

  /** The control characters the generators put into text: NUL, BEL, ESC, DEL, NEL, backspace. */
  public static final List<String> CONTROL_CHARACTERS =
      List.of("\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u0008");

  /**
   * Characters free text refuses besides controls (docs/rules.md TEXT-1): unpaired surrogates,
   * non-characters, and the bidirectional embedding, override and isolate controls.
   */
  public static final List<String> REFUSED_IN_FREE_TEXT = List.of(
      "\uD800", "\uDFFF", "\uFDD0", "\uFFFE", "\uFFFF", new String(Character.toChars(0x10FFFF)),
      "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069");

  /** Text that is blank once cleaned (docs/rules.md TEXT-1): only white space and invisible characters. */
  public static final List<String> BLANK_ONCE_CLEANED = List.of(
      "\u00A0", "\u3000", "\u2029", "\u200B", "\uFEFF", "\u00AD", "\u3164", " \u200B\u2060 ", "\u2028\uFEFF\u205F");

  /**
   * Text no name field accepts: null, empty, blank (also once cleaned), over 200 characters, or
   * with a control or other refused character.
   *
   * @return a generator of invalid names, null included
   */
  public static Gen<@Nullable String> names() {
    return freeText(200);
  }

  /**
   * Text no free-text field of at most {@code maxLength} characters accepts (docs/rules.md
   * TEXT-1): that of {@link #text}, text blank once cleaned, and text with an unpaired surrogate,
   * a non-character or a bidirectional embedding, override or isolate control.
   *
   * @param maxLength the field's length limit
   * @return a generator of invalid free text, null included
   */
  public static Gen<@Nullable String> freeText(int maxLength) {
    Gen<String> refused = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 10)
        .zip(Generate.pick(REFUSED_IN_FREE_TEXT), (s, c) -> s + c + s);
    return Generate.<@Nullable String>oneOf(text(maxLength), refused.map(s -> s),
        Generate.pick(BLANK_ONCE_CLEANED).map(s -> s));
  }

  /**
   * Text no required text field of at most {@code maxLength} characters accepts: null, empty,
   * blank, {@code maxLength + 1} to {@code 2 * maxLength + 1} characters, or with a control
   * character other than white space. Fits names (200), {@code changedBy}/{@code revokedBy}/{@code
   * cancelledBy} (100), reasons (500; corrections 2000) and certification names (200).
   *
   * @param maxLength the field's length limit
   * @return a generator of invalid text, null included
   */
  public static Gen<@Nullable String> text(int maxLength) {
    Gen<String> control = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 10)
        .zip(Generate.pick(CONTROL_CHARACTERS), (s, c) -> s + c + s);
    Gen<String> tooLong = integers().between(maxLength + 1, 2 * maxLength + 1).map(n -> "x".repeat(n));
    Gen<String> blank = Generate.pick(List.of("", " ", "   ", "\t", "\n", " \r\n "));
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null), blank.map(s -> s), tooLong.map(s -> s), control.map(s -> s));
  }

  /**
   * Idempotency keys the ledger refuses: those of {@link #text text(200)}, any control character
   * (tab and line breaks included), unpaired surrogates and surrounding white space (Unicode
   * White_Space, no-break spaces included).
   *
   * @return a generator of invalid idempotency keys, null included
   */
  public static Gen<@Nullable String> idempotencyKeys() {
    Gen<String> whiteControl = Generate.pick(List.of("key\tone", "key\none", "key\r\n", "key\uD800", "\uDC00key"));
    Gen<String> padded = Generate.pick(List.of(" key", "key ", "\tkey", " key ", "\u00A0key", "key\u202F", "\u3000key"));
    return Generate.<@Nullable String>oneOf(text(200), whiteControl.map(s -> s), padded.map(s -> s));
  }

  /**
   * Optional holders the certification tracker refuses: blank (also once cleaned), over 200
   * characters or with a control or other refused character.
   *
   * @return a generator of invalid holders
   */
  public static Gen<String> holders() {
    return freeText(200).assuming(s -> s != null).map(s -> s);
  }

  /**
   * Characters no email address may contain (docs/rules.md TEXT-4): white space and separators of
   * every kind, controls, format characters (bidirectional controls, byte-order mark, zero-width
   * characters, soft hyphen), unpaired surrogates, private-use, unassigned and non-characters.
   */
  public static final List<String> REFUSED_IN_EMAILS = List.of(
      "\u2029", "\u2028", "\u00A0", "\u3000", "\u2007", "\u202A", "\u202B", "\u202E", "\u2066", "\u2067",
      "\uFEFF", "\u200B", "\u200C", "\u200D", "\u200E", "\u00AD", "\u2060", "\uFFFF", "\uFDD0", "\uFFFE",
      "\uD800", "\uE000", "\u0378", "\u0085", "\u0000", new String(Character.toChars(0xE0041)));

  /**
   * Text no email field accepts.
   *
   * @return a generator of invalid email addresses, null included
   */
  public static Gen<@Nullable String> emails() {
    Gen<String> malformed = Generate.pick(List.of(
        "plain", "@no-local.example", "two@@at.example", "a b@c.example", "trailing@", "x@y@z",
        "line\nbreak@x.example", "tab\t@x.example", "nul\u0000@x.example"));
    Gen<String> tooLong = integers().between(250, 300).map(n -> "a".repeat(n) + "@x.example");
    Gen<String> invisible = Generate.pick(REFUSED_IN_EMAILS).zip(Generate.pick(List.of(0, 1, 2, 3)),
        (c, at) -> switch (at) {
          case 0 -> c + "ops@x.example";
          case 1 -> "o" + c + "ps@x.example";
          case 2 -> "ops@x" + c + ".example";
          default -> "ops@x.example" + c;
        });
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null), malformed.map(s -> s), tooLong.map(s -> s),
        invisible.map(s -> s), names());
  }

  /**
   * Counts below zero (servers, clients).
   *
   * @return a generator of negative counts
   */
  public static Gen<Long> negativeCounts() {
    return Generate.oneOf(longs().between(Long.MIN_VALUE, -1), Generate.pick(Arrays.asList(-1L, -50L, Long.MIN_VALUE)));
  }

  /**
   * Counts above {@code max} (a client's servers above {@code Client.MAX_SERVER_COUNT}, a ledger
   * entry's clients above {@code RevenueRecording.MAX_CLIENT_COUNT}): more than a store keeps.
   *
   * @param max the largest valid count
   * @return a generator of counts above it
   */
  public static Gen<Long> countsAbove(long max) {
    return Generate.oneOf(longs().between(max + 1, Long.MAX_VALUE), Generate.pick(Arrays.asList(max + 1, Long.MAX_VALUE)));
  }

  /**
   * Versions no record ever has: zero and below.
   *
   * @return a generator of invalid versions
   */
  public static Gen<Long> impossibleVersions() {
    return Generate.oneOf(longs().between(Long.MIN_VALUE, 0), Generate.pick(Arrays.asList(0L, -1L)));
  }

  /**
   * Amount texts that are no decimal number at all, for {@code Money.of(String, String)}.
   *
   * @return a generator of invalid amount texts, null included
   */
  public static Gen<@Nullable String> amountTexts() {
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null),
        Generate.pick(List.of("", " ", "abc", "1,50", "12.3.4", "NaN", "Infinity", "0x10", "1_000", "--1", "½"))
            .map(s -> s));
  }

  /**
   * Amount texts with more decimals than a two-decimal currency (USD, EUR) has, such as {@code
   * 12.345}: not an exact amount of it.
   *
   * @return a generator of inexact amount texts
   */
  public static Gen<String> inexactAmounts() {
    return integers().between(0, 1_000_000).zip(integers().between(1, 9), integers().between(3, 12),
        (whole, last, decimals) -> whole + "." + "0".repeat(decimals - 1) + last);
  }

  /**
   * Amount texts beyond the range of a {@code long} of minor units in any currency: about 92
   * quadrillion with two decimals, 9.2 quintillion (19 digits) for a currency without decimals such
   * as JPY, so whole numbers of 19 nines and more (18 nines are a valid JPY amount).
   *
   * @return a generator of amount texts out of range
   */
  public static Gen<String> hugeAmounts() {
    return Generate.oneOf(
        integers().between(19, 60).map(n -> "9".repeat(n)),
        Generate.pick(List.of("92233720368547758.08", "-92233720368547758.09", "1e30", "1E+400")));
  }

  /**
   * Currency codes that are no ISO 4217 code with a minor unit: null, blank, unknown, lower case, metals.
   *
   * @return a generator of invalid currency codes, null included
   */
  public static Gen<@Nullable String> unknownCurrencyCodes() {
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null),
        Generate.pick(List.of("", " ", "XYZ", "usd", "US", "EURO", "U\u0000D", "XXX", "XAU", "XAG", "123")).map(s -> s),
        strings().betweenCodePoints('A', 'Z').ofLength(4).map(s -> s));
  }

  /**
   * Amounts below zero, in USD, EUR or JPY: no gross, cost or MRR may be negative.
   *
   * @return a generator of negative amounts
   */
  public static Gen<Money> negativeMoney() {
    return longs().between(Long.MIN_VALUE, -1).zip(Generate.pick(List.of("USD", "EUR", "JPY")),
        (minor, code) -> Money.ofMinor(minor, Currency.getInstance(code)));
  }

  /**
   * Percentage texts no rate accepts: below 0, above 100, more than two decimals, not a number.
   *
   * @return a generator of invalid percentage texts, null included
   */
  public static Gen<@Nullable String> percents() {
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null),
        Generate.pick(List.of("-0.01", "-1", "100.01", "101", "1000", "12.345", "0.001", "abc", "", "%", "1e3"))
            .map(s -> s),
        integers().between(101, Integer.MAX_VALUE).map(n -> n + "%"),
        integers().between(Integer.MIN_VALUE, -1).map(n -> Integer.toString(n)));
  }

  /**
   * Whole percentages outside 0 to 100, for {@code Rate.percent(int)}.
   *
   * @return a generator of invalid whole percentages
   */
  public static Gen<Integer> wholePercents() {
    return Generate.oneOf(integers().between(Integer.MIN_VALUE, -1), integers().between(101, Integer.MAX_VALUE));
  }

  /**
   * Basis points outside 0 to {@value Rate#MAX_BASIS_POINTS}.
   *
   * @return a generator of invalid basis points
   */
  public static Gen<Integer> basisPoints() {
    return Generate.oneOf(integers().between(Integer.MIN_VALUE, -1),
        integers().between(Rate.MAX_BASIS_POINTS + 1, Integer.MAX_VALUE));
  }

  /**
   * Day counts outside 0 to {@value ExpiryThresholds#MAX_DAYS}, for {@code expiringWithin}.
   *
   * @return a generator of invalid day counts
   */
  public static Gen<Long> days() {
    return Generate.oneOf(longs().between(Long.MIN_VALUE, -1),
        longs().between(ExpiryThresholds.MAX_DAYS + 1, Long.MAX_VALUE),
        Generate.pick(Arrays.asList(-1L, ExpiryThresholds.MAX_DAYS + 1)));
  }

  /**
   * Dates strictly before {@code today}, up to 20 years back: too early for an effective-from date.
   *
   * @param today the current date
   * @return a generator of dates before it
   */
  public static Gen<LocalDate> datesBefore(LocalDate today) {
    return integers().between(1, 7300).map(d -> today.minusDays(d));
  }

  /**
   * Two dates within 50 years of {@code around}, the second strictly before the first.
   *
   * @param around the date near which both dates lie
   * @return a generator of date pairs out of order
   */
  public static Gen<OutOfOrder<LocalDate>> datesOutOfOrder(LocalDate around) {
    return integers().between(-18_000, 18_000).zip(integers().between(1, 3650),
        (start, back) -> new OutOfOrder<>(around.plusDays(start), around.plusDays(start).minusDays(back)));
  }

  /**
   * Two months within 50 years of {@code around}, the second strictly before the first.
   *
   * @param around the month near which both months lie
   * @return a generator of month pairs out of order
   */
  public static Gen<OutOfOrder<YearMonth>> monthsOutOfOrder(YearMonth around) {
    return integers().between(-600, 600).zip(integers().between(1, 240),
        (start, back) -> new OutOfOrder<>(around.plusMonths(start), around.plusMonths(start).minusMonths(back)));
  }

  /**
   * Months the ledger refuses to record when {@code current} is this month: after it (the future)
   * or before 1900-01.
   *
   * @param current the current month
   * @return a generator of months the ledger refuses
   */
  public static Gen<YearMonth> monthsOutsideLedger(YearMonth current) {
    return Generate.oneOf(integers().between(1, 1200).map(current::plusMonths),
        integers().between(1, 1200).map(n -> YearMonth.of(1900, 1).minusMonths(n)));
  }

  /**
   * Month counts below one, for {@code MonthRange.lastMonths}.
   *
   * @return a generator of month counts below one
   */
  public static Gen<Long> monthCounts() {
    return Generate.oneOf(longs().between(Long.MIN_VALUE, 0), Generate.constant(0L));
  }

  /**
   * Random UUIDs: as ids of partners, clients, certifications or entries they name nothing in a
   * store whose ids come from {@code SequentialIds}.
   *
   * @return a generator of random UUIDs
   */
  public static Gen<UUID> unknownIds() {
    return longs().all().zip(longs().all(), UUID::new);
  }

  /**
   * Amounts with more decimals than {@code currency} has, as a decimal for {@code Money.of(BigDecimal, Currency)}.
   *
   * @param currency the currency whose decimals the amounts exceed
   * @return a generator of inexact amounts
   */
  public static Gen<BigDecimal> inexactDecimals(Currency currency) {
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    return longs().between(-1_000_000_000L, 1_000_000_000L).zip(integers().between(1, 9), integers().between(1, 8),
        (whole, last, extra) -> new BigDecimal(whole + "." + "0".repeat(digits + extra - 1) + last));
  }
}
