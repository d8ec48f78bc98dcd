package cloud.quazzar.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing in a stable order, and the token of the page after it. Listings page by
 * keyset: the token says where the page ended, so the next page costs what the first costs however
 * deep it is, and rows added or removed meanwhile never make the next page skip or repeat a row of
 * the listing. A token is opaque and signed: give it back unchanged, with the same query, to the
 * call that made it (a changed, forged or another query's token is a {@link ValidationException}).
 *
 * <p>Throws {@link ValidationException} listing each problem: {@code items} null or holding null,
 * {@code nextPageToken} null or holding a blank token.
 *
 * @param <T> the items' type
 * @param items the page's items, in the listing's order; unmodifiable
 * @param nextPageToken the token of the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken) {
  /**
   * Checks the components: one that is null is refused.
   *
   * @param items the page's items, in the listing's order
   * @param nextPageToken the token of the next page; empty on the last page
   * @throws ValidationException naming each component that is null or holds a null or blank value
   */
  public Page {
    List<Violation> violations = new ArrayList<>(0);
    if (items == null || items.stream().anyMatch(Objects::isNull)) {
      violations.add(new Violation("items", "must be a list without null"));
    }
    if (nextPageToken == null || nextPageToken.filter(String::isBlank).isPresent()) {
      violations.add(new Violation("nextPageToken", "must not be null or blank; empty on the last page"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    items = List.copyOf(items);
  }

  /**
   * Whether a page follows this one. It may turn out empty if the rows after this page were
   * removed meanwhile.
   *
   * @return true if {@link #nextPageToken} is present
   */
  public boolean hasNext() {
    return nextPageToken.isPresent();
  }
}
