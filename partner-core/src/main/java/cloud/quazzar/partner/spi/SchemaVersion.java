package cloud.quazzar.partner.spi;

import static cloud.quazzar.partner.ValidationException.requireNonNull;

import cloud.quazzar.partner.ValidationException;
import java.util.OptionalInt;

/**
 * A store's schema version as {@link Store#schemaVersion()} reads it, for the program's health
 * (rule OPS-3).
 *
 * @param found the highest version successfully applied to the store's data; empty if none is
 *     recorded
 * @param expected the highest version the store's code ships (the one it migrates to)
 */
public record SchemaVersion(OptionalInt found, int expected) {
  /**
   * Checks the components.
   *
   * @param found the version found, if any
   * @param expected the version expected, 1 or more
   * @throws ValidationException if {@code found} is null or a version is below 0 (found) or 1
   *     (expected)
   */
  public SchemaVersion {
    requireNonNull(found, "found");
    if (expected < 1 || (found.isPresent() && found.getAsInt() < 0)) {
      throw ValidationException.of("expected", "versions must be 0 or more (found) and 1 or more (expected); got "
          + found + ", " + expected);
    }
  }
}
