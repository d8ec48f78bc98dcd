package cloud.quazzar.partner.registry;

import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which partners to list, in which order, and which page: the Partners screen of an administrator.
 * Filters combine with AND; an empty tier or status set means "any". Build one from {@link #all()}
 * and the {@code with...} methods.
 *
 * <ul>
 *   <li>{@code namePrefix} and {@code nameContains}: the company name's key ({@link Names#key}:
 *       case, spacing, compatibility forms and invisible characters aside, docs/rules.md TEXT-2)
 *       starts with, or contains, the key of the text given. {@code "atlas c"} finds "Atlas
 *       Cloud" and "ATLAS  CLOUD".
 *   <li>{@code emailContains}: the contact email contains the text given, ASCII letters compared
 *       without case (other characters exactly, as emails are stored, TEXT-4).
 *   <li>{@code sort} and {@code direction}: see {@link PartnerSort}; ties are broken by name key,
 *       which is unique, so the order is total.
 *   <li>{@code limit}: the page size; {@code pageToken}: empty for the first page, then the
 *       {@link cloud.quazzar.partner.Page#nextPageToken() token} of the page before, unchanged and
 *       with the same filters and sort (the limit may change between pages).
 * </ul>
 *
 * <p>The constructor throws {@link ValidationException} naming each component that is null (or a
 * set holding null). Search texts (1 to {@value #MAX_SEARCH_LENGTH} characters, not blank, no
 * control characters), the limit (1 to {@value #MAX_LIMIT}) and the token are checked by {@link
 * PartnerRegistry#list}, which also refuses a search text whose key is empty (only invisible
 * characters) and a token that is not one it made for this query.
 *
 * @param tiers the tiers to include; empty for all
 * @param statuses the statuses to include; empty for all
 * @param namePrefix a text the company name key must start with (by key); empty for any name
 * @param nameContains a text the company name key must contain (by key); empty for any name
 * @param emailContains a text the contact email must contain (ASCII case aside); empty for any
 * @param sort what the list is sorted by
 * @param direction ascending or descending, tie-breaks included
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
    PartnerSort sort,
    SortDirection direction,
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
   * @param sort what the list is sorted by
   * @param direction ascending or descending
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
    notNull("sort", sort, violations);
    notNull("direction", direction, violations);
    notNull("pageToken", pageToken, violations);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = tiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tiers));
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
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
    return new PartnerQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), PartnerSort.NAME,
        SortDirection.ASCENDING, DEFAULT_LIMIT, Optional.empty());
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
    return new PartnerQuery(EnumSet.of(first, more), statuses, namePrefix, nameContains, emailContains, sort, direction,
        limit, pageToken);
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
    return new PartnerQuery(tiers, EnumSet.of(first, more), namePrefix, nameContains, emailContains, sort, direction,
        limit, pageToken);
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
    return new PartnerQuery(tiers, statuses, Optional.of(present("namePrefix", text)), nameContains, emailContains, sort,
        direction, limit, pageToken);
  }

  /**
   * This query restricted to partners whose company name key contains the key of {@code text}.
   *
   * @param text a part of the name, as a person types it
   * @return the restricted query
   * @throws ValidationException ({@code nameContains}) if {@code text} is null
   */
  public PartnerQuery withNameContaining(String text) {
    return new PartnerQuery(tiers, statuses, namePrefix, Optional.of(present("nameContains", text)), emailContains, sort,
        direction, limit, pageToken);
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
    return new PartnerQuery(tiers, statuses, namePrefix, nameContains, Optional.of(present("emailContains", text)), sort,
        direction, limit, pageToken);
  }

  /**
   * This query sorted another way; the page token is dropped (a token belongs to one order).
   *
   * @param sort what to sort by
   * @param direction which way
   * @return the query, from its first page
   * @throws ValidationException ({@code sort}, {@code direction}) if either is null
   */
  public PartnerQuery sortedBy(PartnerSort sort, SortDirection direction) {
    return new PartnerQuery(tiers, statuses, namePrefix, nameContains, emailContains, sort, direction, limit,
        Optional.empty());
  }

  /**
   * This query with another page size.
   *
   * @param limit the page size, 1 to {@value #MAX_LIMIT} (checked by {@link PartnerRegistry#list})
   * @return the query
   */
  public PartnerQuery withLimit(int limit) {
    return new PartnerQuery(tiers, statuses, namePrefix, nameContains, emailContains, sort, direction, limit, pageToken);
  }

  /**
   * This query for the page after the one that returned {@code nextPageToken}.
   *
   * @param nextPageToken a {@link cloud.quazzar.partner.Page#nextPageToken()} of this query
   * @return the query for the next page
   * @throws ValidationException ({@code pageToken}) if the token is null
   */
  public PartnerQuery withPageToken(String nextPageToken) {
    return new PartnerQuery(tiers, statuses, namePrefix, nameContains, emailContains, sort, direction, limit,
        Optional.of(present("pageToken", nextPageToken)));
  }

  /**
   * This query from its first page.
   *
   * @return the query without a page token
   */
  public PartnerQuery firstPage() {
    return new PartnerQuery(tiers, statuses, namePrefix, nameContains, emailContains, sort, direction, limit,
        Optional.empty());
  }

  private static String present(String field, @Nullable String text) {
    if (text == null) {
      throw ValidationException.of(field, "must not be null");
    }
    return text;
  }
}
