package cloud.quazzar.partner.registry;

import cloud.quazzar.partner.ValidationException;
import java.util.UUID;

/** Parsing shared by the id types. */
final class Ids {
  private Ids() {}

  static UUID parse(String field, String text) {
    if (text == null) {
      throw ValidationException.of(field, "must not be null");
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
  }
}
