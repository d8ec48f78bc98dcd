package cloud.quazzar.partner.registry;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;

import java.time.Instant;

/**
 * A client managed by a partner. Immutable.
 *
 * <p>Throws {@link ValidationException} naming the component that is null or out of range.
 *
 * @param id generated id
 * @param partnerId the partner that manages it
 * @param name its name, cleaned (docs/rules.md TEXT-1); unique within the partner by its {@link
 *     Names#key} (TEXT-2)
 * @param serverCount servers it runs, 0 to {@value #MAX_SERVER_COUNT}
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param version optimistic-lock version: 1 when added, one more per change
 */
public record Client(
    ClientId id,
    PartnerId partnerId,
    String name,
    long serverCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The most servers one client may run: what every store keeps per client (2^31 - 1). */
  public static final long MAX_SERVER_COUNT = Integer.MAX_VALUE;

  /**
   * Checks the components: one that is null or out of range is refused.
   *
   * @param id generated id
   * @param partnerId the partner that manages it
   * @param name its name, cleaned (docs/rules.md TEXT-1); unique within the partner by its {@link
   *     Names#key} (TEXT-2)
   * @param serverCount servers it runs, 0 to {@value #MAX_SERVER_COUNT}
   * @param createdAt when it was added
   * @param updatedAt when it last changed
   * @param version optimistic-lock version: 1 when added, one more per change
   * @throws ValidationException naming each component that is null or out of range
   */
  public Client {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(name, "name");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    if (serverCount < 0 || serverCount > MAX_SERVER_COUNT) {
      throw ValidationException.of("serverCount", "must be from 0 to " + MAX_SERVER_COUNT + ", got " + serverCount);
    }
    if (version < 1) {
      throw ValidationException.of("version", "must be 1 or more, got " + version);
    }
  }

  /**
   * The key that is unique within the partner ({@link Names#key}).
   *
   * @return the name key
   */
  public String nameKey() {
    return Names.key(name);
  }
}
