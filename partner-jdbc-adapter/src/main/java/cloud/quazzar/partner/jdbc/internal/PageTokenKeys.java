package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.StorageException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key that signs page tokens ({@link cloud.quazzar.partner.spi.Store#pageTokenKey()}), kept in
 * the one row of {@code page_token_keys} ({@code V8__partner_lists.sql}) so that every node on the
 * database signs and checks tokens alike.
 *
 * <p>The first store to open the database makes the key ({@value #KEY_BYTES} bytes of {@link
 * SecureRandom}) and inserts it in a transaction of its own. Nodes that open at once may each make
 * one: the primary key lets only one row in, the others' inserts fail as duplicates, and every node
 * then reads the row that won. A store opened later only reads it (a plain read, so a role that may
 * only read that table opens a database whose key exists).
 */
final class PageTokenKeys {
  /** The length of a key this store makes, in bytes. */
  static final int KEY_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PageTokenKeys() {}

  /**
   * The database's key, made and stored first if there is none.
   *
   * @throws StorageException if the key cannot be read or stored, or the stored one is not at least
   *     {@value #KEY_BYTES} bytes in hexadecimal
   */
  static byte[] load(JdbcStore store) {
    Optional<String> stored = read(store);
    if (stored.isEmpty()) {
      byte[] fresh = new byte[KEY_BYTES];
      RANDOM.nextBytes(fresh);
      try {
        store.write(tx -> ((JdbcTransaction) tx).jdbc().update(
            () -> "the page token key was stored by another node first",
            "INSERT INTO page_token_keys (id, key_hex) VALUES (1, ?)", HexFormat.of().formatHex(fresh)));
      } catch (ConflictException e) {
        // another node inserted its key between our read and our insert: that one is the key
      }
      stored = read(store);
    }
    String hex = stored.orElseThrow(() -> new StorageException(
        "the page token key of " + store.description() + " was stored, yet cannot be read back"));
    byte[] key;
    try {
      key = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new StorageException("the page token key in " + store.description()
          + " (table page_token_keys) is not hexadecimal", e);
    }
    if (key.length < KEY_BYTES) {
      throw new StorageException("the page token key in " + store.description() + " (table page_token_keys) has "
          + key.length + " bytes; it needs at least " + KEY_BYTES);
    }
    return key;
  }

  private static Optional<String> read(JdbcStore store) {
    return store.read(tx -> ((JdbcTransaction) tx).jdbc().first(
        "SELECT key_hex FROM page_token_keys WHERE id = 1", rs -> rs.getString(1)));
  }
}
