package cloud.quazzar.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One page of a listing in a stable order.
 *
 * <p>Throws {@link ValidationException} listing each problem: {@code items} null or holding null,
 * {@code offset} or {@code total} negative, {@code limit} below 1.
 *
 * @param items the page's items, unmodifiable
 * @param offset how many items of the full listing come before this page
 * @param limit the page size asked for
 * @param total how many items the full listing has
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param items the page's items, unmodifiable
   * @param offset how many items of the full listing come before this page
   * @param limit the page size asked for
   * @param total how many items the full listing has
   * @throws ValidationException naming each component that is null or out of range
   */
  public Page {
    List<Violation> violations = new ArrayList<>(0);
    if (offset < 0) {
      violations.add(new Violation("offset", "must be 0 or more, got " + offset));
    }
    if (limit < 1) {
      violations.add(new Violation("limit", "must be 1 or more, got " + limit));
    }
    if (total < 0) {
      violations.add(new Violation("total", "must be 0 or more, got " + total));
    }
    if (items == null || items.stream().anyMatch(Objects::isNull)) {
      violations.add(new Violation("items", "must be a list without null"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    items = List.copyOf(items);
  }

  /**
   * Whether items follow this page.
   *
   * @return true if a next page may hold items
   */
  public boolean hasNext() {
    return (long) offset + items.size() < total;
  }

  /**
   * The offset of the next page.
   *
   * @return the offset of the next page
   */
  public int nextOffset() {
    return offset + items.size();
  }
}
