package cloud.quazzar.partner.internal;

import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.Violation;
import cloud.quazzar.partner.registry.Names;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Collects every violation of an operation's input, then throws one {@link ValidationException}
 * listing them all (rule BAD-1). Bean Validation checks the annotated request records; the rest is
 * explicit.
 */
public final class Checks {
  private static final class Holder {
    // Parameters such as {min} are filled in without an Expression Language implementation: no
    // message uses an expression, and a host need not carry one (docs/decisions.md, B1).
    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
            .defaultLocale(Locale.ENGLISH)
            .locales(Locale.ENGLISH)
            .failFast(false)
            .buildValidatorFactory()
            .getValidator();
  }

  private @Nullable List<Violation> violations;

  private Checks() {}

  public static Checks start() {
    return new Checks();
  }

  /** The shared validator; building one is expensive, so there is one per class loader. */
  public static Validator validator() {
    return Holder.VALIDATOR;
  }

  /** Adds the Bean Validation violations of {@code bean}, or a violation if it is null. */
  public Checks bean(String field, @Nullable Object bean) {
    if (bean == null) {
      return add(field, "must not be null");
    }
    for (ConstraintViolation<Object> v : validator().validate(bean)) {
      String path = v.getPropertyPath().toString();
      add(path.isEmpty() ? field : path, v.getMessage());
    }
    return this;
  }

  public Checks notNull(String field, @Nullable Object value) {
    return value == null ? add(field, "must not be null") : this;
  }

  /** A version the caller read: 1 or more. */
  public Checks version(String field, long version) {
    return version < 1 ? add(field, "must be a version read from the store (1 or more), got " + version) : this;
  }

  /**
   * docs/rules.md TEXT-1: free text must not be blank and must fit {@code max} characters once
   * cleaned ({@link Names#clean}: cleaning removes invisible characters and white space, and NFC may
   * lengthen a few characters). Null, and text over {@code max} as given, are left to the bean's own
   * {@code @NotNull}/{@code @NotBlank}/{@code @Size}, which report them.
   */
  public Checks text(String field, @Nullable String value, int max) {
    if (value == null || value.length() > max) {
      return this;
    }
    String clean = Names.clean(value);
    if (clean.isEmpty()) {
      return add(field, "must not be blank");
    }
    return clean.length() > max
        ? add(field, "must be at most " + max + " characters once cleaned (NFC), got " + clean.length())
        : this;
  }

  /**
   * {@link #text}, and for a name that must be unique (docs/rules.md TEXT-2) a {@link Names#key}
   * of at most {@link Names#MAX_KEY_LENGTH} characters.
   */
  public Checks name(String field, @Nullable String value, int max) {
    text(field, value, max);
    if (value != null && value.length() <= max && Names.key(value).length() > Names.MAX_KEY_LENGTH) {
      add(field, "expands to a comparison key of more than " + Names.MAX_KEY_LENGTH
          + " characters under NFKC (characters such as U+FDFA expand to many); shorten it");
    }
    return this;
  }

  public Checks check(boolean ok, String field, String message) {
    return ok ? this : add(field, message);
  }

  public Checks add(String field, String message) {
    if (violations == null) {
      violations = new ArrayList<>(4);
    }
    violations.add(new Violation(field, message));
    return this;
  }

  public boolean failed() {
    return violations != null;
  }

  /** Throws if anything was collected. */
  public void done() {
    if (violations != null) {
      throw new ValidationException(violations);
    }
  }
}
