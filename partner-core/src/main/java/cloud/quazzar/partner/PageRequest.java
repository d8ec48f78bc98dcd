package cloud.quazzar.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to read: its size and, after the first page, the {@link
 * Page#nextPageToken() token} of the page before (docs/rules.md LIST-2). For lists without filters
 * of their own, such as a partner's clients; the partners list has {@link
 * cloud.quazzar.partner.registry.PartnerQuery}.
 *
 * <p>The constructor throws {@link ValidationException} ({@code pageToken}) if the token is null;
 * the limit (1 to {@value #MAX_LIMIT}) and a blank token are refused by the list given the request,
 * as is a token it did not make for the same list.
 *
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param pageToken the previous page's {@code nextPageToken}; empty for the first page
 */
public record PageRequest(
    @Min(1) @Max(MAX_LIMIT) int limit,
    Optional<@Size(max = MAX_TOKEN_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String> pageToken) {

  /** The largest page a list returns. */
  public static final int MAX_LIMIT = 1000;

  /** The page size of {@link #first()}. */
  public static final int DEFAULT_LIMIT = 50;

  /** The longest page token the library makes. */
  public static final int MAX_TOKEN_LENGTH = 8192;

  /**
   * Checks the token's presence.
   *
   * @param limit the page size, 1 to {@value #MAX_LIMIT} (checked by the list)
   * @param pageToken the previous page's {@code nextPageToken}; empty for the first page
   * @throws ValidationException ({@code pageToken}) if {@code pageToken} is null
   */
  public PageRequest {
    if (pageToken == null) {
      throw ValidationException.of("pageToken", "must not be null; empty for the first page");
    }
  }

  /**
   * The first page of {@value #DEFAULT_LIMIT}.
   *
   * @return the request
   */
  public static PageRequest first() {
    return first(DEFAULT_LIMIT);
  }

  /**
   * The first page of {@code limit}.
   *
   * @param limit the page size, 1 to {@value #MAX_LIMIT} (checked by the list)
   * @return the request
   */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  /**
   * The page after the one that returned {@code nextPageToken}, of the same size.
   *
   * @param nextPageToken a {@link Page#nextPageToken()} of the same list
   * @return the request for the next page
   * @throws ValidationException ({@code pageToken}) if the token is null
   */
  public PageRequest withPageToken(@Nullable String nextPageToken) {
    if (nextPageToken == null) {
      throw ValidationException.of("pageToken", "must not be null");
    }
    return new PageRequest(limit, Optional.of(nextPageToken));
  }
}
