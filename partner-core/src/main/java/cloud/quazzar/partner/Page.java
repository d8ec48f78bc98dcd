package cloud.quazzar.partner;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a listing in a stable order.
 *
 * @param items the page's items, unmodifiable
 * @param offset how many items of the full listing come before this page
 * @param limit the page size asked for
 * @param total how many items the full listing has
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
  public Page {
    items = List.copyOf(requireNonNull(items, "items"));
    if (offset < 0 || limit < 1 || total < 0) {
      throw new IllegalArgumentException(
          "offset >= 0, limit >= 1, total >= 0 required: " + offset + ", " + limit + ", " + total);
    }
  }

  /** Whether items follow this page. */
  public boolean hasNext() {
    return (long) offset + items.size() < total;
  }

  /** The offset of the next page. */
  public int nextOffset() {
    return offset + items.size();
  }
}
