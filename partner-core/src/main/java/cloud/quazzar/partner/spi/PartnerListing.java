package cloud.quazzar.partner.spi;

import cloud.quazzar.partner.SortDirection;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerSort;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One page of the partners list as a store reads it ({@link PartnerRepository#list}): the filters,
 * the order, where the previous page ended and how many rows to return. Core builds it from a
 * {@link cloud.quazzar.partner.registry.PartnerQuery}, its search texts already turned into keys
 * and its page token into a {@link Position}; a store only filters, orders and counts.
 *
 * <p>The rules, which {@link #matches}, {@link #order} and {@link #isAfter} state in Java for
 * stores that filter in memory (a SQL store states them in its query):
 *
 * <ul>
 *   <li>A row matches when its tier is in {@code tiers} (or {@code tiers} is empty), its status
 *       in {@code statuses} (or empty), its name key starts with {@code nameKeyPrefix} and
 *       contains {@code nameKeyContains} (each if present; plain character comparison of the
 *       keys), and its contact email, with the ASCII letters {@code A-Z} lower-cased and nothing
 *       else changed, contains {@code emailContains} (given in that form already).
 *   <li>The order: by {@code sort}'s key ({@link PartnerSort#NAME}: name key; {@code CREATED}:
 *       created time, then name key; {@code TIER}: tier rank, then name key), ascending or, with
 *       {@link SortDirection#DESCENDING}, every part descending. Name keys compare by code point
 *       ({@link Names#KEY_ORDER}, docs/rules.md TEXT-3); they are unique, so the order is total.
 *   <li>With {@code after} present, only rows strictly after that position in the order are
 *       returned. The position's row may no longer exist or may have changed since: the
 *       comparison uses the position's values, never a look-up.
 * </ul>
 *
 * @param tiers the tiers to include; empty for all
 * @param statuses the statuses to include; empty for all
 * @param nameKeyPrefix what the name key must start with, if present (a key, not empty)
 * @param nameKeyContains what the name key must contain, if present (a key, not empty)
 * @param emailContains what the contact email, ASCII letters lower-cased, must contain, if present
 * @param sort the sort key
 * @param direction the direction of every part of the order
 * @param after where the previous page ended; empty for the first page
 * @param limit the most rows to return, 1 or more
 */
public record PartnerListing(
    Set<Tier> tiers,
    Set<PartnerStatus> statuses,
    Optional<String> nameKeyPrefix,
    Optional<String> nameKeyContains,
    Optional<String> emailContains,
    PartnerSort sort,
    SortDirection direction,
    Optional<Position> after,
    int limit) {

  /**
   * A row's place in the order: the values of the last row of a page, which the next page starts
   * after.
   *
   * @param nameKey the row's name key
   * @param createdAt when the row's partner was added
   * @param tier the row's tier
   */
  public record Position(String nameKey, Instant createdAt, Tier tier) {
    /**
     * Checks the components.
     *
     * @param nameKey the row's name key
     * @param createdAt when the row's partner was added
     * @param tier the row's tier
     * @throws ValidationException naming each component that is null
     */
    public Position {
      List<Violation> violations = new ArrayList<>(0);
      required("nameKey", nameKey, violations);
      required("createdAt", createdAt, violations);
      required("tier", tier, violations);
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
    }

    /**
     * The position of {@code row}.
     *
     * @param row a partner row
     * @return its values
     */
    public static Position of(PartnerRecord row) {
      return new Position(row.nameKey(), row.createdAt(), row.tier());
    }
  }

  /**
   * Checks the components; core makes listings, a store receives them.
   *
   * @param tiers the tiers to include; empty for all
   * @param statuses the statuses to include; empty for all
   * @param nameKeyPrefix what the name key must start with, if present
   * @param nameKeyContains what the name key must contain, if present
   * @param emailContains what the lower-cased contact email must contain, if present
   * @param sort the sort key
   * @param direction the direction
   * @param after where the previous page ended; empty for the first page
   * @param limit the most rows to return
   * @throws ValidationException naming each component that is null or holds null, a search text
   *     that is empty, and a limit below 1
   */
  public PartnerListing {
    List<Violation> violations = new ArrayList<>(0);
    required("tiers", tiers, violations);
    required("statuses", statuses, violations);
    search("nameKeyPrefix", nameKeyPrefix, violations);
    search("nameKeyContains", nameKeyContains, violations);
    search("emailContains", emailContains, violations);
    required("sort", sort, violations);
    required("direction", direction, violations);
    required("after", after, violations);
    if (limit < 1) {
      violations.add(new Violation("limit", "must be 1 or more, got " + limit));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    tiers = Set.copyOf(tiers);
    statuses = Set.copyOf(statuses);
  }

  private static void required(String field, @Nullable Object value, List<Violation> violations) {
    if (value == null || (value instanceof Set<?> set && set.stream().anyMatch(Objects::isNull))) {
      violations.add(new Violation(field, "must not be null or hold null"));
    }
  }

  // the record's own component, which a caller may pass as null: checked like the others
  @SuppressWarnings("NullableOptional")
  private static void search(String field, @Nullable Optional<String> text, List<Violation> violations) {
    if (text == null || text.filter(String::isEmpty).isPresent()) {
      violations.add(new Violation(field, "must not be null or an empty text; empty for no search"));
    }
  }

  /**
   * {@code email} with the ASCII letters {@code A-Z} lower-cased and nothing else changed: the
   * form {@code emailContains} is compared with.
   *
   * @param email an email or a part of one
   * @return its ASCII-lower-cased form
   */
  public static String asciiLowerCase(String email) {
    char[] out = null;
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = email.toCharArray();
        }
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return out == null ? email : new String(out);
  }

  /**
   * Whether {@code row} passes the filters (its position aside).
   *
   * @param row a partner row
   * @return true if it matches
   */
  public boolean matches(PartnerRecord row) {
    return (tiers.isEmpty() || tiers.contains(row.tier()))
        && (statuses.isEmpty() || statuses.contains(row.status()))
        && nameKeyPrefix.map(row.nameKey()::startsWith).orElse(true)
        && nameKeyContains.map(row.nameKey()::contains).orElse(true)
        && emailContains.map(asciiLowerCase(row.contactEmail())::contains).orElse(true);
  }

  /**
   * The listing's order, direction included.
   *
   * @return a comparator of partner rows
   */
  public Comparator<PartnerRecord> order() {
    Comparator<Position> positions = positionOrder();
    return (a, b) -> positions.compare(Position.of(a), Position.of(b));
  }

  /**
   * Whether {@code row} comes strictly after {@link #after} in the order (true for every row on
   * the first page).
   *
   * @param row a partner row
   * @return true if the row belongs after the previous page
   */
  public boolean isAfter(PartnerRecord row) {
    return after.map(a -> positionOrder().compare(Position.of(row), a) > 0).orElse(true);
  }

  private Comparator<Position> positionOrder() {
    Comparator<Position> byName = Comparator.comparing(Position::nameKey, Names.KEY_ORDER);
    Comparator<Position> ascending = switch (sort) {
      case NAME -> byName;
      case CREATED -> Comparator.comparing(Position::createdAt).thenComparing(byName);
      case TIER -> Comparator.comparing(Position::tier).thenComparing(byName);
    };
    return direction == SortDirection.ASCENDING ? ascending : ascending.reversed();
  }
}
