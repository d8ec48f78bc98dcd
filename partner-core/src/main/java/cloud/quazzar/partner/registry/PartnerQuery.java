package cloud.quazzar.partner.registry;

import cloud.quazzar.partner.Money;
import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.ExpiryThresholds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which partners to list, in which order, and which page: the Partners screen of an administrator.
 * Filters combine with AND; an empty set means "any" and an empty bound "no bound". Build one from
 * {@link #all()} and the {@code with...} and {@code sortedBy...} methods.
 *
 * <ul>
 *   <li>{@code namePrefix} and {@code nameContains}: the company name's key ({@link Names#key}:
 *       case, spacing, compatibility forms and invisible characters aside, docs/rules.md TEXT-2)
 *       starts with, or contains, the key of the text given. {@code "atlas c"} finds "Atlas
 *       Cloud" and "ATLAS  CLOUD".
 *   <li>{@code emailContains}: the contact email contains the text given, ASCII letters compared
 *       without case (other characters exactly, as emails are stored, TEXT-4).
 *   <li>{@code certificationStatuses}: the partner has at least one current certification whose
 *       status today (the program's expiry thresholds on the program's date, as {@link
 *       cloud.quazzar.partner.certification.CertificationTracker#statusOf} computes it, CERT-4 and
 *       CERT-5) is one of these. Renewed and revoked records never count.
 *   <li>{@code minServerCount}..{@code maxServerCount} and {@code minClientCount}..{@code
 *       maxClientCount}: the partner's server count (the sum over its clients) and client count
 *       (REG-3) lie in the range, both ends included, either end optional.
 *   <li>{@code mrrMonth} with {@code minMrr} and/or {@code maxMrr}: the partner has a current
 *       ledger entry (its highest revision) for that month in the bounds' currency, whose MRR lies
 *       in the range, both ends included. Partners without such an entry are not listed.
 *   <li>{@code sort} and {@code direction}: see {@link PartnerSort}; ties are broken by name key
 *       (by partner id for {@link PartnerSort#MRR}), so the order is total. {@code sortMonth} and
 *       {@code sortCurrency} are the month and currency of the MRR sort ({@link #sortedByMrr}),
 *       present exactly when sorting by MRR; sorting by MRR lists only partners with a current
 *       entry of that month in that currency.
 *   <li>{@code limit}: the page size; {@code pageToken}: empty for the first page, then the
 *       {@link cloud.quazzar.partner.Page#nextPageToken() token} of the page before, unchanged and
 *       with the same filters and sort (the limit may change between pages).
 * </ul>
 *
 * <p>The constructor throws {@link ValidationException} naming each component that is null (or a
 * set holding null). Everything else is checked by {@link PartnerRegistry#list} and {@link
 * PartnerRegistry#count}, which list every problem at once: search texts (1 to {@value
 * #MAX_SEARCH_LENGTH} characters, not blank, no control characters, a name search's key not
 * empty), the limit (1 to {@value #MAX_LIMIT}), counts (0 or more, a minimum not above its
 * maximum), the MRR filter (a month from {@link #EARLIEST_MONTH} to {@link #LATEST_MONTH} with at
 * least one bound, bounds 0 or more in one currency, the minimum not above the maximum), the MRR
 * sort (a month and a currency with a minor unit, only when sorting by MRR) and the token.
 *
 * @param tiers the tiers to include; empty for all
 * @param statuses the statuses to include; empty for all
 * @param namePrefix a text the company name key must start with (by key); empty for any name
 * @param nameContains a text the company name key must contain (by key); empty for any name
 * @param emailContains a text the contact email must contain (ASCII case aside); empty for any
 * @param certificationStatuses the partner must hold a current certification in one of these
 *     statuses today; empty for any partner, with or without certifications
 * @param minServerCount the smallest server count to include; empty for no lower bound
 * @param maxServerCount the largest server count to include; empty for no upper bound
 * @param minClientCount the smallest client count to include; empty for no lower bound
 * @param maxClientCount the largest client count to include; empty for no upper bound
 * @param mrrMonth the month of the MRR filter; present exactly when {@code minMrr} or {@code
 *     maxMrr} is
 * @param minMrr the smallest MRR to include, in the currency of the entries to include; empty for
 *     no lower bound
 * @param maxMrr the largest MRR to include, in the currency of {@code minMrr}; empty for no upper
 *     bound
 * @param sort what the list is sorted by
 * @param direction ascending or descending, tie-breaks included
 * @param sortMonth the month whose MRR the {@link PartnerSort#MRR} sort orders by; empty for the
 *     other sorts
 * @param sortCurrency the currency of the entries the {@link PartnerSort#MRR} sort lists; empty
 *     for the other sorts
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param pageToken the previous page's {@code nextPageToken}; empty for the first page
 */
public record PartnerQuery(
    Set<Tier> tiers,
    Set<PartnerStatus> statuses,
    Optional<@Size(max = MAX_SEARCH_LENGTH) @Pattern(regexp = NOT_BLANK, message = BLANK)
        @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE) String> namePrefix,
    Optional<@Size(max = MAX_SEARCH_LENGTH) @Pattern(regexp = NOT_BLANK, message = BLANK)
        @Pattern(regexp = Names.TEXT_PATTERN, message = Names.TEXT_MESSAGE) String> nameContains,
    Optional<@Size(max = MAX_SEARCH_LENGTH) @Pattern(regexp = NOT_BLANK, message = BLANK)
        @Pattern(regexp = Names.EMAIL_PATTERN, message = Names.EMAIL_MESSAGE) String> emailContains,
    Set<CertificationStatus> certificationStatuses,
    OptionalLong minServerCount,
    OptionalLong maxServerCount,
    OptionalLong minClientCount,
    OptionalLong maxClientCount,
    Optional<YearMonth> mrrMonth,
    Optional<Money> minMrr,
    Optional<Money> maxMrr,
    PartnerSort sort,
    SortDirection direction,
    Optional<YearMonth> sortMonth,
    Optional<Currency> sortCurrency,
    @Min(1) @Max(MAX_LIMIT) int limit,
    Optional<@Size(max = MAX_TOKEN_LENGTH) @Pattern(regexp = NOT_BLANK, message = BLANK) String> pageToken) {

  /** The largest page a listing returns. */
  public static final int MAX_LIMIT = 1000;

  /** The page size of {@link #all()}. */
  public static final int DEFAULT_LIMIT = 50;

  /** The longest search text. */
  public static final int MAX_SEARCH_LENGTH = 400;

  /** The longest page token the library makes. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  /** The earliest month of an MRR filter or sort: the ledger's earliest month. */
  public static final YearMonth EARLIEST_MONTH = YearMonth.of(1900, 1);

  /** The latest month of an MRR filter or sort. */
  public static final YearMonth LATEST_MONTH = YearMonth.of(9999, 12);

  // a present text must not be blank (an absent one is no filter: @NotBlank would refuse it)
  private static final String NOT_BLANK = "(?s).*\\S.*";
  private static final String BLANK = "must not be blank";

  /**
   * Checks the components: one that is null, or a set holding null, is refused.
   *
   * @param tiers the tiers to include; empty for all
   * @param statuses the statuses to include; empty for all
   * @param namePrefix a text the company name key must start with; empty for any name
   * @param nameContains a text the company name key must contain; empty for any name
   * @param emailContains a text the contact email must contain; empty for any
   * @param certificationStatuses the certification statuses of which the partner must hold one;
   *     empty for any partner
   * @param minServerCount the smallest server count; empty for no lower bound
   * @param maxServerCount the largest server count; empty for no upper bound
   * @param minClientCount the smallest client count; empty for no lower bound
   * @param maxClientCount the largest client count; empty for no upper bound
   * @param mrrMonth the month of the MRR filter; empty without one
   * @param minMrr the smallest MRR; empty for no lower bound
   * @param maxMrr the largest MRR; empty for no upper bound
   * @param sort what the list is sorted by
   * @param direction ascending or descending
   * @param sortMonth the month of the MRR sort; empty for the other sorts
   * @param sortCurrency the currency of the MRR sort; empty for the other sorts
   * @param limit page size, 1 to {@value #MAX_LIMIT} (checked by {@link PartnerRegistry#list})
   * @param pageToken the previous page's {@code nextPageToken}; empty for the first page
   * @throws ValidationException naming each component that is null or holds null
   */
  public PartnerQuery {
    List<Violation> violations = new ArrayList<>(0);
    noNulls("tiers", tiers, violations);
    noNulls("statuses", statuses, violations);
    notNull("namePrefix", namePrefix, violations);
    notNull("nameContains", nameContains, violations);
    notNull("emailContains", emailContains, violations);
    noNulls("certificationStatuses", certificationStatuses, violations);
    notNull("minServerCount", minServerCount, violations);
    notNull("maxServerCount", maxServerCount, violations);
    notNull("minClientCount", minClientCount, violations);
    notNull("maxClientCount", maxClientCount, violations);
    notNull("mrrMonth", mrrMonth, violations);
    notNull("minMrr", minMrr, violations);
    notNull("maxMrr", maxMrr, violations);
    notNull("sort", sort, violations);
    notNull("direction", direction, violations);
    notNull("sortMonth", sortMonth, violations);
    notNull("sortCurrency", sortCurrency, violations);
    notNull("pageToken", pageToken, violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    certificationStatuses =
        certificationStatuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(certificationStatuses));
  }

  private static void noNulls(String field, @Nullable Set<?> set, List<Violation> out) {
    if (set == null) {
      out.add(new Violation(field, "must not be null; use an empty set for all"));
    } else if (set.stream().anyMatch(Objects::isNull)) {
      out.add(new Violation(field, "must not hold null"));
    }
  }

  private static void notNull(String field, @Nullable Object value, List<Violation> out) {
    if (value == null) {
      out.add(new Violation(field, "must not be null"));
    }
  }

  /**
   * Every partner, by name ascending, first page of {@value #DEFAULT_LIMIT}.
   *
   * @return the query
   */
  public static PartnerQuery all() {
    return new PartnerQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
        OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), PartnerSort.NAME, SortDirection.ASCENDING, Optional.empty(),
        Optional.empty(), DEFAULT_LIMIT, Optional.empty());
  }

  /**
   * This query restricted to the given tiers.
   *
   * @param first a tier
   * @param more further tiers
   * @return the restricted query
   * @throws ValidationException ({@code tiers}) if a tier is null
   */
  public PartnerQuery withTiers(Tier first, Tier... more) {
    requireNoNull("tiers", first, more);
    Copy c = new Copy(this);
    c.tiers = EnumSet.of(first, more);
    return c.build();
  }

  /**
   * This query restricted to the given statuses.
   *
   * @param first a status
   * @param more further statuses
   * @return the restricted query
   * @throws ValidationException ({@code statuses}) if a status is null
   */
  public PartnerQuery withStatuses(PartnerStatus first, PartnerStatus... more) {
    requireNoNull("statuses", first, more);
    Copy c = new Copy(this);
    c.statuses = EnumSet.of(first, more);
    return c.build();
  }

  /**
   * This query restricted to partners holding at least one current certification whose status
   * today is one of those given: {@code withCertificationStatuses(CRITICAL, EXPIRED)} lists the
   * partners with a certification that expires within the critical threshold or has expired.
   * "Today" and the statuses are the program's ({@link
   * cloud.quazzar.partner.PartnerProgram.Builder#expiryThresholds(ExpiryThresholds)}, the program's
   * zone), taken when the page is read.
   *
   * @param first a status
   * @param more further statuses
   * @return the restricted query
   * @throws ValidationException ({@code certificationStatuses}) if a status is null
   */
  public PartnerQuery withCertificationStatuses(CertificationStatus first, CertificationStatus... more) {
    requireNoNull("certificationStatuses", first, more);
    Copy c = new Copy(this);
    c.certificationStatuses = EnumSet.of(first, more);
    return c.build();
  }

  private static void requireNoNull(String field, @Nullable Object first, @Nullable Object @Nullable [] more) {
    if (first == null || more == null || Arrays.stream(more).anyMatch(Objects::isNull)) {
      throw ValidationException.of(field, "must not hold null");
    }
  }

  /**
   * This query restricted to partners whose company name key starts with the key of {@code text}.
   *
   * @param text the start of the name, as a person types it
   * @return the restricted query
   * @throws ValidationException ({@code namePrefix}) if {@code text} is null
   */
  public PartnerQuery withNamePrefix(String text) {
    Copy c = new Copy(this);
    c.namePrefix = Optional.of(present("namePrefix", text));
    return c.build();
  }

  /**
   * This query restricted to partners whose company name key contains the key of {@code text}.
   *
   * @param text a part of the name, as a person types it
   * @return the restricted query
   * @throws ValidationException ({@code nameContains}) if {@code text} is null
   */
  public PartnerQuery withNameContaining(String text) {
    Copy c = new Copy(this);
    c.nameContains = Optional.of(present("nameContains", text));
    return c.build();
  }

  /**
   * This query restricted to partners whose contact email contains {@code text}, ASCII letters
   * compared without case.
   *
   * @param text a part of the email
   * @return the restricted query
   * @throws ValidationException ({@code emailContains}) if {@code text} is null
   */
  public PartnerQuery withEmailContaining(String text) {
    Copy c = new Copy(this);
    c.emailContains = Optional.of(present("emailContains", text));
    return c.build();
  }

  /**
   * This query restricted to partners whose server count (the sum over their clients) is from
   * {@code min} to {@code max}, both included; replaces any server count range.
   *
   * @param min the smallest server count, 0 or more (checked by {@link PartnerRegistry#list})
   * @param max the largest server count, {@code min} or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withServerCountBetween(long min, long max) {
    Copy c = new Copy(this);
    c.minServerCount = OptionalLong.of(min);
    c.maxServerCount = OptionalLong.of(max);
    return c.build();
  }

  /**
   * This query restricted to partners with at least {@code min} servers; replaces any server count
   * range.
   *
   * @param min the smallest server count, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withServerCountAtLeast(long min) {
    Copy c = new Copy(this);
    c.minServerCount = OptionalLong.of(min);
    c.maxServerCount = OptionalLong.empty();
    return c.build();
  }

  /**
   * This query restricted to partners with at most {@code max} servers; replaces any server count
   * range.
   *
   * @param max the largest server count, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withServerCountAtMost(long max) {
    Copy c = new Copy(this);
    c.minServerCount = OptionalLong.empty();
    c.maxServerCount = OptionalLong.of(max);
    return c.build();
  }

  /**
   * This query restricted to partners with from {@code min} to {@code max} clients, both included;
   * replaces any client count range.
   *
   * @param min the smallest client count, 0 or more (checked by {@link PartnerRegistry#list})
   * @param max the largest client count, {@code min} or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withClientCountBetween(long min, long max) {
    Copy c = new Copy(this);
    c.minClientCount = OptionalLong.of(min);
    c.maxClientCount = OptionalLong.of(max);
    return c.build();
  }

  /**
   * This query restricted to partners with at least {@code min} clients; replaces any client count
   * range.
   *
   * @param min the smallest client count, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withClientCountAtLeast(long min) {
    Copy c = new Copy(this);
    c.minClientCount = OptionalLong.of(min);
    c.maxClientCount = OptionalLong.empty();
    return c.build();
  }

  /**
   * This query restricted to partners with at most {@code max} clients; replaces any client count
   * range.
   *
   * @param max the largest client count, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   */
  public PartnerQuery withClientCountAtMost(long max) {
    Copy c = new Copy(this);
    c.minClientCount = OptionalLong.empty();
    c.maxClientCount = OptionalLong.of(max);
    return c.build();
  }

  /**
   * This query restricted to partners whose current ledger entry (highest revision) for {@code
   * month} is in the currency of {@code min} and {@code max} and has an MRR from {@code min} to
   * {@code max}, both included; replaces any MRR filter. Partners without such an entry are not
   * listed.
   *
   * @param month the month
   * @param min the smallest MRR, 0 or more (checked by {@link PartnerRegistry#list})
   * @param max the largest MRR, in {@code min}'s currency, not below it (checked by {@link
   *     PartnerRegistry#list})
   * @return the restricted query
   * @throws ValidationException naming {@code mrrMonth}, {@code minMrr} and {@code maxMrr} if null
   */
  public PartnerQuery withMrrBetween(YearMonth month, Money min, Money max) {
    nonNull("mrrMonth", month, "minMrr", min, "maxMrr", max);
    return mrr(month, Optional.of(min), Optional.of(max));
  }

  /**
   * This query restricted to partners whose current ledger entry for {@code month} is in the
   * currency of {@code min} and has an MRR of at least {@code min}; replaces any MRR filter.
   *
   * @param month the month
   * @param min the smallest MRR, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   * @throws ValidationException naming {@code mrrMonth} and {@code minMrr} if null
   */
  public PartnerQuery withMrrAtLeast(YearMonth month, Money min) {
    nonNull("mrrMonth", month, "minMrr", min);
    return mrr(month, Optional.of(min), Optional.empty());
  }

  /**
   * This query restricted to partners whose current ledger entry for {@code month} is in the
   * currency of {@code max} and has an MRR of at most {@code max}; replaces any MRR filter.
   *
   * @param month the month
   * @param max the largest MRR, 0 or more (checked by {@link PartnerRegistry#list})
   * @return the restricted query
   * @throws ValidationException naming {@code mrrMonth} and {@code maxMrr} if null
   */
  public PartnerQuery withMrrAtMost(YearMonth month, Money max) {
    nonNull("mrrMonth", month, "maxMrr", max);
    return mrr(month, Optional.empty(), Optional.of(max));
  }

  private PartnerQuery mrr(YearMonth month, Optional<Money> min, Optional<Money> max) {
    Copy c = new Copy(this);
    c.mrrMonth = Optional.of(month);
    c.minMrr = min;
    c.maxMrr = max;
    return c.build();
  }

  /** Refuses, naming each, the arguments that are null: {@code fieldsAndValues} alternates a field and its value. */
  private static void nonNull(@Nullable Object... fieldsAndValues) {
    List<Violation> violations = new ArrayList<>(0);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      notNull(String.valueOf(fieldsAndValues[i]), fieldsAndValues[i + 1], violations);
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * This query sorted another way; the page token is dropped (a token belongs to one order), and
   * so are the month and currency of an MRR sort. Sorting by {@link PartnerSort#MRR} needs them:
   * use {@link #sortedByMrr} ({@link PartnerRegistry#list} refuses {@code MRR} without them).
   *
   * @param sort what to sort by
   * @param direction which way
   * @return the query, from its first page
   * @throws ValidationException ({@code sort}, {@code direction}) if either is null
   */
  public PartnerQuery sortedBy(PartnerSort sort, SortDirection direction) {
    Copy c = new Copy(this);
    c.sort = sort;
    c.direction = direction;
    c.sortMonth = Optional.empty();
    c.sortCurrency = Optional.empty();
    c.pageToken = Optional.empty();
    return c.build();
  }

  /**
   * This query sorted by the MRR of each partner's current ledger entry (highest revision) for
   * {@code month} in {@code currency}, ties broken by partner id; only partners with such an entry
   * are listed. The page token is dropped.
   *
   * @param month the month whose MRR orders the list
   * @param currency the currency of the entries to list
   * @param direction which way
   * @return the query, from its first page
   * @throws ValidationException naming {@code sortMonth}, {@code sortCurrency} and {@code
   *     direction} if null
   */
  public PartnerQuery sortedByMrr(YearMonth month, Currency currency, SortDirection direction) {
    nonNull("sortMonth", month, "sortCurrency", currency, "direction", direction);
    Copy c = new Copy(this);
    c.sort = PartnerSort.MRR;
    c.direction = direction;
    c.sortMonth = Optional.of(month);
    c.sortCurrency = Optional.of(currency);
    c.pageToken = Optional.empty();
    return c.build();
  }

  /**
   * This query with another page size.
   *
   * @param limit the page size, 1 to {@value #MAX_LIMIT} (checked by {@link PartnerRegistry#list})
   * @return the query
   */
  public PartnerQuery withLimit(int limit) {
    Copy c = new Copy(this);
    c.limit = limit;
    return c.build();
  }

  /**
   * This query for the page after the one that returned {@code nextPageToken}.
   *
   * @param nextPageToken a {@link cloud.quazzar.partner.Page#nextPageToken()} of this query
   * @return the query for the next page
   * @throws ValidationException ({@code pageToken}) if the token is null
   */
  public PartnerQuery withPageToken(String nextPageToken) {
    Copy c = new Copy(this);
    c.pageToken = Optional.of(present("pageToken", nextPageToken));
    return c.build();
  }

  /**
   * This query from its first page.
   *
   * @return the query without a page token
   */
  public PartnerQuery firstPage() {
    Copy c = new Copy(this);
    c.pageToken = Optional.empty();
    return c.build();
  }

  private static String present(String field, @Nullable String text) {
    if (text == null) {
      throw ValidationException.of(field, "must not be null");
    }
    return text;
  }

  /** The components of a query, to copy one with a few changed. */
  private static final class Copy {
    Set<Tier> tiers;
    Set<PartnerStatus> statuses;
    Optional<String> namePrefix;
    Optional<String> nameContains;
    Optional<String> emailContains;
    Set<CertificationStatus> certificationStatuses;
    OptionalLong minServerCount;
    OptionalLong maxServerCount;
    OptionalLong minClientCount;
    OptionalLong maxClientCount;
    Optional<YearMonth> mrrMonth;
    Optional<Money> minMrr;
    Optional<Money> maxMrr;
    PartnerSort sort;
    SortDirection direction;
    Optional<YearMonth> sortMonth;
    Optional<Currency> sortCurrency;
    int limit;
    Optional<String> pageToken;

    Copy(PartnerQuery q) {
      tiers = q.tiers;
      statuses = q.statuses;
      namePrefix = q.namePrefix;
      nameContains = q.nameContains;
      emailContains = q.emailContains;
      certificationStatuses = q.certificationStatuses;
      minServerCount = q.minServerCount;
      maxServerCount = q.maxServerCount;
      minClientCount = q.minClientCount;
      maxClientCount = q.maxClientCount;
      mrrMonth = q.mrrMonth;
      minMrr = q.minMrr;
      maxMrr = q.maxMrr;
      sort = q.sort;
      direction = q.direction;
      sortMonth = q.sortMonth;
      sortCurrency = q.sortCurrency;
      limit = q.limit;
      pageToken = q.pageToken;
    }

    PartnerQuery build() {
      return new PartnerQuery(tiers, statuses, namePrefix, nameContains, emailContains, certificationStatuses,
          minServerCount, maxServerCount, minClientCount, maxClientCount, mrrMonth, minMrr, maxMrr, sort, direction,
          sortMonth, sortCurrency, limit, pageToken);
    }
  }
}
