package cloud.quazzar.partner.internal.observe;

import cloud.quazzar.partner.ConflictException;
import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.StorageException;
import cloud.quazzar.partner.ValidationException;

/** How an observed call ended, from the type of what it threw (OPS-11: a fixed set of tag values). */
public enum Outcome {
  /** It returned. */
  OK("ok"),
  /** It threw a {@link ValidationException}. */
  VALIDATION("validation"),
  /** It threw a {@link ConflictException}. */
  CONFLICT("conflict"),
  /** It threw a {@link NotFoundException}. */
  NOT_FOUND("not_found"),
  /** It threw a {@link StorageException}. */
  STORAGE_ERROR("storage_error"),
  /** It threw anything else (a configuration error, an I/O error of an export, a bug). */
  OTHER("other");

  private static final Outcome[] ALL = values();

  private final String tag;

  Outcome(String tag) {
    this.tag = tag;
  }

  /** The tag value, e.g. {@code not_found}. */
  public String tag() {
    return tag;
  }

  /** How many outcomes there are. */
  public static int count() {
    return ALL.length;
  }

  /** The outcome of the given ordinal. */
  public static Outcome of(int ordinal) {
    return ALL[ordinal];
  }

  /** The outcome of a call that threw {@code failure}. */
  public static Outcome of(Throwable failure) {
    if (failure instanceof ValidationException) {
      return VALIDATION;
    }
    if (failure instanceof ConflictException) {
      return CONFLICT;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof StorageException) {
      return STORAGE_ERROR;
    }
    return OTHER;
  }
}
