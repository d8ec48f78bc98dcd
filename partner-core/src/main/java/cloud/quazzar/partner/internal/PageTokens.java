package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.Page;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.spi.Store;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Page tokens (docs/rules.md LIST-2): {@code base64url(version, scope digest, body, HMAC)}. The
 * scope is the listing and its query (filters and sort, never the page size); the body is where a
 * page ended, in the listing's own encoding; the HMAC-SHA256 (truncated to 16 bytes) is made with
 * the store's {@link Store#pageTokenKey()}, so a token changed in any bit, forged without the key,
 * or made for another query or listing is refused with a {@link ValidationException} on {@code
 * pageToken}, before anything is read.
 */
public final class PageTokens {
  private static final byte VERSION = 1;
  private static final int SCOPE_BYTES = 8;
  private static final int MAC_BYTES = 16;
  private static final String FIELD = "pageToken";

  private final Store store;
  private volatile @Nullable SecretKeySpec key;

  public PageTokens(Store store) {
    this.store = store;
  }

  /** A token for the page after {@code body}'s position in the listing {@code scope}. */
  public String sign(String scope, byte[] body) {
    ByteBuffer payload = ByteBuffer.allocate(1 + SCOPE_BYTES + body.length + MAC_BYTES);
    payload.put(VERSION).put(digest(scope)).put(body);
    payload.put(mac(Arrays.copyOf(payload.array(), payload.position())));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
  }

  /**
   * The body of {@code token} if it is one this store signed for {@code scope}.
   *
   * @throws ValidationException ({@code pageToken}) otherwise
   */
  public ByteBuffer verify(String scope, String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw notOurs();
    }
    if (bytes.length < 1 + SCOPE_BYTES + MAC_BYTES || bytes[0] != VERSION) {
      throw notOurs();
    }
    int signed = bytes.length - MAC_BYTES;
    if (!MessageDigest.isEqual(mac(Arrays.copyOf(bytes, signed)), Arrays.copyOfRange(bytes, signed, bytes.length))) {
      throw notOurs();
    }
    if (!MessageDigest.isEqual(digest(scope), Arrays.copyOfRange(bytes, 1, 1 + SCOPE_BYTES))) {
      throw ValidationException.of(FIELD, "belongs to another query (its filters or sort differ): start again from"
          + " the first page");
    }
    return ByteBuffer.wrap(bytes, 1 + SCOPE_BYTES, signed - 1 - SCOPE_BYTES).slice();
  }

  /**
   * The page of {@code rows} (read with a limit of {@code limit + 1}): its first {@code limit}, and
   * if a row more was read, the token of the page after, signed for {@code scope} with the
   * position of the page's last row.
   */
  public <T> Page<T> page(String scope, List<T> rows, int limit, Function<T, byte[]> position) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, Optional.of(sign(scope, position.apply(items.get(limit - 1)))));
  }

  /** A sequence or version number as a token's position. */
  public static byte[] number(int value) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
  }

  private static ValidationException notOurs() {
    return ValidationException.of(FIELD, "is not a page token this listing made: give back a nextPageToken unchanged,"
        + " with the query that returned it");
  }

  private byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return Arrays.copyOf(mac.doFinal(data), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      byte[] raw = store.pageTokenKey();
      if (raw.length < 32) {
        throw new IllegalStateException("the store's page token key has " + raw.length + " bytes; it must have 32 or more");
      }
      k = new SecretKeySpec(raw, "HmacSHA256");
      key = k;
    }
    return k;
  }

  private static byte[] digest(String scope) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8)),
          SCOPE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
