package cloud.quazzar.partner.testkit.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;

import cloud.quazzar.partner.NotFoundException;
import cloud.quazzar.partner.PageRequest;
import cloud.quazzar.partner.PartnerProgram;
import cloud.quazzar.partner.ValidationException;
import cloud.quazzar.partner.registry.ClientId;
import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.registry.PartnerId;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Rules BAD-1 and BAD-2 of docs/rules.md: every public operation validates its input and fails with a
 * typed exception listing each violation by field; nothing is stored when it fails. Driven by
 * random invalid input (the {@link InvalidInput} generators) over the whole public API. Every call
 * must fail with {@link ValidationException} (with its violations) or, for an id of nothing, {@link
 * NotFoundException}; anything else (a {@code NullPointerException}, an {@code
 * IllegalArgumentException}, a storage or SQL error, success) fails. After each call the store's
 * whole content, read through the public API and rendered as text by {@link
 * BadInputWorld#snapshot(PartnerProgram)}, must be exactly what it was.
 *
 * <p>The cases come from one source per capability ({@link RegistryBadInput}, {@link
 * DiscountBadInput}, {@link CertificationBadInput}, {@link RevenueBadInput}, {@link
 * PortalBadInput}, {@link ReviewBadInput}, {@link EventBadInput}, {@link PrivacyBadInput}, and {@link ValueBadInput} for
 * the value types and the program builder): one {@link Case} per operation and kind of bad input,
 * built with {@link #bad} or {@link #fixed}. A new operation adds its cases to its capability's
 * source. The test runs them as dynamic tests, one container per capability and one test per case,
 * named by the operation and the kinds of bad input the case tries (for example {@code
 * registry.addClient [huge number]}, or {@code registry.add [null] null request} for a fixed input).
 * Each case tries {@link #examplesPerCase()} random inputs with QuickTheories: a failure shows the
 * smallest failing input and the seed ({@code -DQT_SEED=...} replays it), and says which promise
 * broke, with what was expected and what happened, so that a store's author needs no sources of
 * this kit to read it.
 *
 * <p>All cases share one {@link BadInputWorld}, built once on the store under test. A case that
 * changes the store fails; the cases after it are then aborted (reported as skipped, naming that
 * case), since the world they expect is gone. The last dynamic test reports what was tried through
 * JUnit's {@link TestReporter} as the entry {@code bad-input figures [store]} (see {@link Tried};
 * docs/reliability.md "Invalid input" lists them per store).
 */
@ExtendWith(PromiseMessages.class)
public abstract class BadInputContract {
  /**
   * The test's store, clock and program.
   *
   * @return the running test's context
   */
  protected abstract TckContext context();

  /**
   * How many random examples each case tries (a case with one fixed input runs it once).
   *
   * @return the number of random examples per case, 1 or more
   */
  protected int examplesPerCase() {
    return 3;
  }

  // ------------------------------------------------------------------ the vocabulary of the case sources

  /** A bad call against the world. */
  @FunctionalInterface
  interface Call {
    /** Makes the call; its result, if it returns, is shown in the failure. */
    @Nullable Object apply(BadInputWorld w) throws IOException;
  }

  /**
   * One invalid call.
   *
   * @param operation the API operation, e.g. {@code registry.add}
   * @param kind the kind of invalid input, e.g. {@code null}, {@code unknown id}
   * @param input the input, shown in failures
   * @param call the call
   */
  record BadCall(String operation, String kind, String input, Call call) {
    @Override
    public String toString() {
      return operation + " [" + kind + "] " + input;
    }
  }

  /**
   * One operation with one family of bad input.
   *
   * @param operation the API operation
   * @param calls the bad calls
   * @param definedAt where the case is written ({@code class:...?line=...}), the source of its dynamic test
   */
  record Case(String operation, Gen<BadCall> calls, URI definedAt) {}

  /** A call taking a generated input. */
  @FunctionalInterface
  interface CallWith<T> {
    @Nullable Object apply(BadInputWorld w, T input) throws IOException;
  }

  static final Currency USD = Currency.getInstance("USD");

  /** A case of {@code operation} with generated inputs; {@code kind} names the kind of each one. */
  static <T> Case bad(String operation, Gen<T> inputs, Function<T, String> kind, CallWith<T> call) {
    return new Case(operation, inputs.map(v -> new BadCall(operation, kind.apply(v), show(v), w -> call.apply(w, v))),
        definedAt());
  }

  /** A case of {@code operation} with one fixed input, described by {@code input}. */
  static Case fixed(String operation, String kind, String input, Call call) {
    return new Case(operation, Generate.constant(new BadCall(operation, kind, input, call)), definedAt());
  }

  /** The line that called {@link #bad} or {@link #fixed}, so that an IDE can open a case from its test. */
  private static URI definedAt() {
    return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
        .map(f -> URI.create("class:" + f.getClassName() + "?line=" + f.getLineNumber()))
        .orElseThrow();
  }

  static Gen<PartnerId> partnerIds() {
    return InvalidInput.unknownIds().map(PartnerId::new);
  }

  static Gen<ClientId> clientIds() {
    return InvalidInput.unknownIds().map(ClientId::new);
  }

  static <T> List<T> pair(@Nullable T a, @Nullable T b) {
    return Arrays.asList(a, b);
  }

  static <T> List<T> nullList() {
    List<T> l = new ArrayList<>();
    l.add(null);
    return l;
  }

  /** The kind of invalid free text (docs/rules.md TEXT-1): why {@code s} is refused. */
  static String textKind(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    if (s.isBlank()) {
      return "blank";
    }
    if (s.codePoints().anyMatch(Character::isISOControl)) {
      return "control character";
    }
    if (!s.matches(Names.TEXT_PATTERN)) {
      return "refused character";
    }
    if (Names.clean(s).isEmpty()) {
      return "blank once cleaned";
    }
    if (!s.matches(Names.EMAIL_PATTERN)) {
      return "invisible character";
    }
    if (!s.equals(s.strip())) {
      return "surrounding white space";
    }
    return s.length() > 100 ? "too long" : "malformed";
  }

  /** The kind of invalid email (docs/rules.md TEXT-4). */
  static String emailKind(@Nullable String s) {
    String kind = textKind(s);
    return kind.equals("malformed") || kind.equals("too long") ? "malformed email" : kind;
  }

  /** Page requests every list refuses: a limit out of range, or a token that no list made. */
  static Gen<PageRequest> badPages() {
    Gen<PageRequest> limits = Generate.oneOf(SourceDSL.integers().between(Integer.MIN_VALUE, 0),
        SourceDSL.integers().between(PageRequest.MAX_LIMIT + 1, Integer.MAX_VALUE)).map(PageRequest::first);
    Gen<PageRequest> tokens = SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 40)
        .map(t -> PageRequest.first(10).withPageToken(t));
    return Generate.oneOf(limits, tokens);
  }

  /** The kind of a bad page request of {@link #badPages()}. */
  static String pageKind(PageRequest page) {
    return page.pageToken().isPresent() ? "forged page token" : "number out of range";
  }

  static String percentKind(@Nullable String s) {
    return s == null ? "null" : "rate out of range";
  }

  private static String show(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    String s = v.toString();
    StringBuilder out = new StringBuilder();
    // invisible characters (controls, format characters, separators, ...) shown by their code point
    s.codePoints().limit(60).forEach(cp -> out.append(cp != ' ' && !Character.toString(cp).matches(Names.EMAIL_PATTERN)
        ? String.format("\\u%04X", cp) : Character.toString(cp)));
    return "'" + out + "'" + (s.length() > 60 ? " (" + s.length() + " chars)" : "");
  }

  // ------------------------------------------------------------------ the case sources

  /**
   * One capability's cases.
   *
   * @param capability the name of its container of dynamic tests
   * @param addCases adds the capability's cases to a list
   */
  record Source(String capability, Consumer<List<Case>> addCases) {
    List<Case> cases() {
      List<Case> cases = new ArrayList<>();
      addCases.accept(cases);
      return Collections.unmodifiableList(cases);
    }
  }

  /** Every capability's cases, in the order they run. */
  static final List<Source> SOURCES = List.of(
      new Source("registry", RegistryBadInput::cases),
      new Source("discounts", DiscountBadInput::cases),
      new Source("certifications", CertificationBadInput::cases),
      new Source("revenue", RevenueBadInput::cases),
      new Source("portal", PortalBadInput::cases),
      new Source("reviews", ReviewBadInput::cases),
      new Source("events", EventBadInput::cases),
      new Source("personal data", PrivacyBadInput::cases),
      new Source("values and builders", ValueBadInput::cases));

  /** The fixed seed of the draws that name a case: the same names on every run and store. */
  private static final long NAMING_SEED = 0x7C4L;

  /** How many inputs are drawn to name a case. */
  private static final int NAMING_DRAWS = 40;

  /**
   * A case's name: its operation and the kinds of bad input found in {@value #NAMING_DRAWS} draws
   * with a fixed seed, and the input itself when the case has only one.
   */
  static String nameOf(Case c) {
    Set<String> kinds = new TreeSet<>();
    Set<String> inputs = new TreeSet<>();
    qt().withFixedSeed(NAMING_SEED).withExamples(NAMING_DRAWS).withShrinkCycles(0).forAll(c.calls()).checkAssert(b -> {
      kinds.add(b.kind());
      inputs.add(b.input());
    });
    String name = c.operation() + " [" + String.join(", ", kinds) + "]";
    return inputs.size() == 1 ? name + " " + inputs.iterator().next() : name;
  }

  /**
   * A case with its capability and its name, unique within the capability (a second case of the
   * same name gets " (2)").
   */
  record NamedCase(String capability, String name, Case c) {}

  static List<NamedCase> named(Source source) {
    Map<String, Integer> seen = new HashMap<>();
    List<NamedCase> out = new ArrayList<>();
    for (Case c : source.cases()) {
      String name = nameOf(c);
      int n = seen.merge(name, 1, Integer::sum);
      out.add(new NamedCase(source.capability(), n == 1 ? name : name + " (" + n + ")", c));
    }
    return out;
  }

  // ------------------------------------------------------------------ the property

  /**
   * Counts of what one run tried (the figures of docs/reliability.md, "Invalid input").
   *
   * @param cases how many cases (operation and family of bad input) ran
   * @param examples how many invalid calls were made in all
   * @param byCapability calls per capability
   * @param byOperation calls per operation
   * @param byKind calls per kind of invalid input
   */
  record Tried(int cases, int examples, Map<String, Integer> byCapability, Map<String, Integer> byOperation,
      Map<String, Integer> byKind) {}

  @TestFactory
  @DisplayName("every invalid call across the public API fails with a typed validation or not-found error and changes nothing")
  Stream<DynamicNode> invalidInputChangesNothing(TestReporter reporter) {
    Run run = new Run(context().program(), examplesPerCase());
    List<DynamicNode> nodes = new ArrayList<>();
    for (Source source : SOURCES) {
      nodes.add(dynamicContainer(source.capability(),
          named(source).stream().map(nc -> dynamicTest(nc.name(), nc.c().definedAt(), () -> run.check(nc)))));
    }
    nodes.add(dynamicTest("every case made at least one call (figures: bad-input figures [store])",
        () -> run.report(reporter)));
    return nodes.stream();
  }

  /** One run of every case on one store: the world, its last snapshot and what was tried. */
  private static final class Run {
    private final PartnerProgram program;
    private final BadInputWorld world;
    private final int examplesPerCase;
    /** The store's content as the next call must leave it. */
    private String expected;
    /** The first call that changed the store, if one did. */
    private @Nullable String changedBy;
    private final Map<String, Integer> callsPerCase = new LinkedHashMap<>();
    private final Map<String, Integer> byCapability = new TreeMap<>();
    private final Map<String, Integer> byOperation = new TreeMap<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private int examples;

    Run(PartnerProgram program, int examplesPerCase) {
      this.program = program;
      this.world = BadInputWorld.of(program);
      this.examplesPerCase = examplesPerCase;
      this.expected = BadInputWorld.snapshot(program);
    }

    void check(NamedCase nc) {
      abortIfChanged();
      String id = nc.capability() + " / " + nc.name();
      callsPerCase.put(id, 0);
      qt().withExamples(examplesPerCase).withShrinkCycles(10).forAll(nc.c().calls()).checkAssert(bad -> {
        callsPerCase.merge(id, 1, Integer::sum);
        byCapability.merge(nc.capability(), 1, Integer::sum);
        byOperation.merge(bad.operation(), 1, Integer::sum);
        byKind.merge(bad.kind(), 1, Integer::sum);
        examples++;
        call(nc, bad);
      });
    }

    /** Makes one bad call and fails naming each promise it broke, with expected and actual. */
    private void call(NamedCase nc, BadCall bad) {
      @Nullable Object result = null;
      Exception thrown = null;
      try {
        result = bad.call().apply(world);
      } catch (IOException | RuntimeException e) {
        thrown = e;
      }
      List<String> broken = new ArrayList<>();
      String refusal = refusalProblem(thrown, result);
      if (refusal != null) {
        broken.add("an invalid call fails with a typed error\n"
            + "     expected: ValidationException listing at least one violation, or NotFoundException for an id of nothing\n"
            + "     actual:   " + refusal);
      }
      String now = BadInputWorld.snapshot(program);
      if (!now.equals(expected)) {
        broken.add("a refused call stores nothing\n"
            + "     expected: the store's content, read through the public API, as before the call\n"
            + "     actual:   " + difference(expected, now));
        // later calls are compared with the store as it is now, so that each failure shows its own change
        expected = now;
        if (changedBy == null) {
          changedBy = "[" + nc.capability() + "] " + bad;
        }
      }
      if (broken.isEmpty()) {
        return;
      }
      StringBuilder message = new StringBuilder("[").append(nc.capability()).append("] ").append(bad).append(" broke ")
          .append(broken.size() == 1 ? "a promise" : broken.size() + " promises")
          .append(" of docs/rules.md \"Bad input\" (case: ").append(nc.capability()).append(" > ").append(nc.name())
          .append("):");
      for (int i = 0; i < broken.size(); i++) {
        message.append("\n  ").append(i + 1).append(". ").append(broken.get(i));
      }
      throw new AssertionError(message.toString(), refusal == null ? null : thrown);
    }

    /** Why the outcome is not a proper refusal, or null if it is one. */
    private static @Nullable String refusalProblem(@Nullable Exception thrown, @Nullable Object result) {
      if (thrown instanceof ValidationException e) {
        return e.violations().isEmpty() ? "ValidationException with no violations: " + e.getMessage() : null;
      }
      if (thrown instanceof NotFoundException) {
        return null;
      }
      if (thrown != null) {
        return thrown.getClass().getName() + ": " + thrown.getMessage();
      }
      if (result == null) {
        return "the call was accepted (it returned normally)";
      }
      return "the call was accepted and returned " + (result instanceof Optional<?> o ? o : String.valueOf(result));
    }

    /** The lines of {@code after} that differ from {@code before}, at most 10 each way. */
    private static String difference(String before, String after) {
      List<String> was = List.of(before.split("\n", -1));
      List<String> now = List.of(after.split("\n", -1));
      List<String> gone = was.stream().filter(l -> !now.contains(l)).toList();
      List<String> added = now.stream().filter(l -> !was.contains(l)).toList();
      StringBuilder diff = new StringBuilder(gone.size() + " line(s) gone, " + added.size() + " line(s) new:");
      gone.stream().limit(10).forEach(l -> diff.append("\n       - ").append(l));
      added.stream().limit(10).forEach(l -> diff.append("\n       + ").append(l));
      return diff.toString();
    }

    private void abortIfChanged() {
      if (changedBy != null) {
        Assumptions.abort("not run: " + changedBy + " changed the store, so the world the cases expect is gone;"
            + " that case's failure says what changed");
      }
    }

    void report(TestReporter reporter) {
      abortIfChanged();
      Tried tried = new Tried(callsPerCase.size(), examples, byCapability, byOperation, byKind);
      reporter.publishEntry("bad-input figures [" + program.store().description() + "]", tried.toString());
      List<String> silent = callsPerCase.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
      if (!silent.isEmpty()) {
        throw new AssertionError("every case makes at least one call\n  expected: no case without a call\n"
            + "  actual:   " + silent.size() + " case(s) made none: " + silent);
      }
    }
  }
}
