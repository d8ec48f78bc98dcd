package cloud.quazzar.partner.registry;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A client managed by a partner. Immutable.
 *
 * @param id generated id
 * @param partnerId the partner that manages it
 * @param name its name, cleaned (docs/rules.md TEXT-1); unique within the partner by its {@link
 *     Names#key} (TEXT-2)
 * @param serverCount servers it runs, 0 or more
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 * @param version optimistic-lock version: 1 when added, one more per change
 */
public record Client(
    ClientId id,
    PartnerId partnerId,
    String name,
    int serverCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Client {
    requireNonNull(id, "id");
    requireNonNull(partnerId, "partnerId");
    requireNonNull(name, "name");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    if (serverCount < 0 || version < 1) {
      throw new IllegalArgumentException(
          "serverCount >= 0 and version >= 1 required: " + serverCount + ", " + version);
    }
  }

  /** The key that is unique within the partner ({@link Names#key}). */
  public String nameKey() {
    return Names.key(name);
  }
}
