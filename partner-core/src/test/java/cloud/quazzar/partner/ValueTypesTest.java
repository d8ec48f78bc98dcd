package cloud.quazzar.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import cloud.quazzar.partner.architecture.ArchitectureRules;
import cloud.quazzar.partner.certification.CertificationStatus;
import cloud.quazzar.partner.certification.DayRange;
import cloud.quazzar.partner.events.EventRecord;
import cloud.quazzar.partner.events.PartnerCreated;
import cloud.quazzar.partner.events.RevenueRecorded;
import cloud.quazzar.partner.events.TierChanged;
import cloud.quazzar.partner.registry.Client;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.Partner;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import cloud.quazzar.partner.registry.TierChange;
import cloud.quazzar.partner.revenue.EntryKind;
import cloud.quazzar.partner.revenue.RevenueEntry;
import cloud.quazzar.partner.revenue.RevenueEntryId;
import cloud.quazzar.partner.review.GracePeriod;
import cloud.quazzar.partner.spi.ClientTotals;
import com.tngtech.archunit.core.domain.JavaClass;
import cloud.quazzar.partner.events.DomainEvent;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The API's value types refuse bad values with the library's typed exception, naming the component:
 * a record's constructor is always public API, so it never throws {@link NullPointerException} or
 * {@link IllegalArgumentException} (decision A2 in {@code docs/decisions.md}).
 */
class ValueTypesTest {
  private static final PartnerId PARTNER = new PartnerId(new UUID(0, 1));
  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

  private static List<String> fields(Executable call) {
    return assertThrows(ValidationException.class, call).fields();
  }

  /** The public records of the exported packages (everything outside {@code internal}). */
  private static List<Class<?>> publicRecords() {
    List<Class<?>> out = new ArrayList<>();
    // core's own classes only (the location PartnerProgram is loaded from): on a class path shared with
    // the testkit (the mutation run) the package would also hold the testkit's records
    for (JavaClass c : ArchitectureRules.mainClassesOf(PartnerProgram.class)) {
      String pkg = c.getPackageName();
      if (pkg.contains(".internal")) {
        continue;
      }
      Class<?> type = c.reflect();
      if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
        out.add(type);
      }
    }
    return out;
  }

  private static Object arg(Class<?> type, long number) {
    if (type == long.class) {
      return number;
    }
    if (type == int.class) {
      return (int) number;
    }
    if (type == boolean.class) {
      return false;
    }
    return null;
  }

  @Test
  @DisplayName("every public record, given null and 0 or -1 components, is either built or refuses with a ValidationException")
  void everyRecordRefusesWithTheTypedException() throws ReflectiveOperationException {
    List<Class<?>> records = publicRecords();
    if (records.size() < 40) {
      fail("expected the API's records, found " + records);
    }
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : records) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      for (long number : new long[] {0, -1}) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
          args[i] = arg(types[i], number);
        }
        try {
          canonical.newInstance(args);
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof ValidationException)) {
            wrong.add(type.getName() + " threw " + e.getCause());
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** The annotations on a record component's type and declaration (through its accessor). */
  private static List<String> annotations(RecordComponent c) {
    List<String> out = new ArrayList<>();
    for (Annotation a : c.getAnnotatedType().getAnnotations()) {
      out.add(a.annotationType().getName());
    }
    for (Annotation a : c.getAccessor().getAnnotations()) {
      out.add(a.annotationType().getName());
    }
    return out;
  }

  /** {@code Optional<T>}'s {@code T}, {@code long} for an {@code OptionalLong}, else the component's own type. */
  private static Type valueType(RecordComponent c) {
    if (c.getType() == OptionalLong.class) {
      return long.class;
    }
    return c.getGenericType() instanceof ParameterizedType p && p.getRawType() == Optional.class
        ? p.getActualTypeArguments()[0] : c.getType();
  }

  @Test
  @DisplayName("absent values are Optional: @Nullable only on request components that are validated (a null is bad input)")
  void nullableOnlyWhereValidated() {
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : publicRecords()) {
      for (RecordComponent c : type.getRecordComponents()) {
        List<String> annotations = annotations(c);
        boolean nullable = annotations.contains("org.jspecify.annotations.Nullable");
        boolean refused = annotations.contains("jakarta.validation.constraints.NotNull")
            || annotations.contains("jakarta.validation.constraints.NotBlank");
        if (nullable && !refused) {
          wrong.add(type.getSimpleName() + "." + c.getName() + " may be null without a @NotNull: use Optional");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName("one name per concept: ...At is an Instant, ...By who (text), ...On a day, ...Count a long, a partner's id is partnerId")
  void namesMeanOneThing() { // docs/decisions.md A2, "One name per concept" and "One type per quantity"
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : publicRecords()) {
      boolean event = DomainEvent.class.isAssignableFrom(type);
      for (RecordComponent c : type.getRecordComponents()) {
        String name = c.getName();
        Type value = valueType(c);
        String where = type.getSimpleName() + "." + name;
        if ((name.equals("at") && !event) || name.equals("by")) {
          wrong.add(where + ": say what happened at or by (createdAt, cancelledBy); a bare 'at' is an event's own time");
        }
        if (name.endsWith("At") && value != Instant.class) {
          wrong.add(where + " is a " + value.getTypeName() + ", not an Instant");
        }
        if (name.endsWith("By") && value != String.class) {
          wrong.add(where + " is a " + value.getTypeName() + ", not who (String)");
        }
        if (name.endsWith("On") && value != LocalDate.class) {
          wrong.add(where + " is a " + value.getTypeName() + ", not a day (LocalDate)");
        }
        if ((name.endsWith("Count") || name.equals("count")) && value != long.class && value != Long.class) {
          wrong.add(where + " is a " + value.getTypeName() + ", not a long");
        }
        if (value == PartnerId.class && !name.equals("partnerId") && !name.equals("id")) { // id: the record's own
          wrong.add(where + " holds a partner's id: name it partnerId");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  @DisplayName("the rules of the value types are ValidationExceptions naming the component")
  void rulesNameTheComponent() {
    assertEquals(List.of("items", "nextPageToken"), fields(() -> new Page<String>(null, null)));
    assertEquals(List.of("nextPageToken"), fields(() -> new Page<>(List.of(), Optional.of(" "))));
    assertEquals(List.of("violations"), fields(() -> new ValidationException(List.of())));
    assertEquals(List.of("field"), fields(() -> new Violation(null, "x")));
    assertEquals(List.of("version"), fields(() -> new Partner(PARTNER, "Acme", "a@x.example", Tier.GOLD,
        PartnerStatus.ACTIVE, 0, 0, AT, AT, 0)));
    assertEquals(List.of("serverCount"), fields(() -> new Client(new ClientId(new UUID(0, 2)), PARTNER, "c",
        Client.MAX_SERVER_COUNT + 1, AT, AT, 1)));
    assertEquals(List.of("id"), fields(() -> new Client(null, PARTNER, "c", 1, AT, AT, 1)));
    assertEquals(List.of("from"), fields(() -> new TierChange(PARTNER, 2, Optional.empty(), Tier.GOLD, AT, "a", "b")));
    assertEquals(List.of("change"), fields(() -> new TierChanged(
        new TierChange(PARTNER, 1, Optional.empty(), Tier.GOLD, AT, "a", "b"))));
    assertEquals(List.of("demotionDueOn"), fields(() -> new GracePeriod(PARTNER, Tier.GOLD, DAY, DAY)));
    assertEquals(List.of("sequence"), fields(() -> new EventRecord(0, new PartnerCreated(PARTNER, "Acme", Tier.GOLD, AT))));
    assertEquals(List.of("max"), fields(() -> new DayRange(5, 1)));
    assertEquals(List.of("clientCount"), fields(() -> new ClientTotals(0, -1)));
    RevenueEntry recorded = new RevenueEntry(new RevenueEntryId(new UUID(0, 3)), PARTNER, YearMonth.of(2026, 1), 1,
        EntryKind.RECORDED, Money.of("1", "USD"), 1, 1, "k", Optional.empty(), AT, Optional.empty());
    assertEquals(List.of("reason", "revision", "supersedes"), fields(() -> new RevenueEntry(recorded.id(), PARTNER,
        recorded.month(), 1, EntryKind.CORRECTION, recorded.mrr(), 1, 1, "k2", Optional.empty(), AT, Optional.empty())));
    assertEquals(List.of("clientCount", "mrr", "serverCount"), fields(() -> new RevenueEntry(recorded.id(), PARTNER,
        recorded.month(), 1, EntryKind.RECORDED, Money.of("-1", "USD"), -1, -1, "k", Optional.empty(), AT,
        Optional.empty())));
    assertEquals(List.of("entry"), fields(() -> new RevenueRecorded(new RevenueEntry(recorded.id(), PARTNER,
        recorded.month(), 2, EntryKind.CORRECTION, recorded.mrr(), 1, 1, "k3", Optional.of("why"), AT,
        Optional.of(recorded.id())))));
    assertEquals(List.of("to"), fields(() -> new cloud.quazzar.partner.certification.StatusChange(certification(),
        CertificationStatus.ACTIVE, CertificationStatus.ACTIVE, DAY)));
    assertEquals(List.of("partnerId"), fields(() -> PartnerId.parse(null)));
  }

  private static cloud.quazzar.partner.certification.Certification certification() {
    return new cloud.quazzar.partner.certification.Certification(
        new cloud.quazzar.partner.certification.CertificationId(new UUID(0, 4)), PARTNER, "c",
        cloud.quazzar.partner.certification.SkillArea.FLEET_MANAGEMENT,
        cloud.quazzar.partner.certification.CertificationLevel.BASIC, Optional.empty(), DAY, DAY.plusDays(1),
        cloud.quazzar.partner.certification.CertificationState.CURRENT, Optional.empty(), Optional.empty(),
        Optional.empty(), AT, AT, 1);
  }
}
