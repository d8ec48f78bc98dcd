package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of input that the library must refuse: nulls, blanks, over-long and
 * control-character text, malformed emails, negative and impossible numbers. Property tests feed
 * them to the public API and check that every call fails with a typed error and stores nothing.
 */
public final class InvalidInput {
  private InvalidInput() {}

  /** Text no name field accepts: null, empty, blank, over 200 characters, or with a control character. */
  public static Gen<@Nullable String> names() {
    Gen<String> control = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 10)
        .zip(Generate.pick(List.of("\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u0008")),
            (s, c) -> s + c + s);
    Gen<String> tooLong = integers().between(201, 400).map(n -> "x".repeat(n));
    Gen<String> blank = Generate.pick(List.of("", " ", "   ", "\t", "\n", " \r\n "));
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null), blank.map(s -> s), tooLong.map(s -> s), control.map(s -> s));
  }

  /** Text no email field accepts. */
  public static Gen<@Nullable String> emails() {
    Gen<String> malformed = Generate.pick(List.of(
        "plain", "@no-local.example", "two@@at.example", "a b@c.example", "trailing@", "x@y@z",
        "line\nbreak@x.example", "tab\t@x.example", "nul\u0000@x.example"));
    Gen<String> tooLong = integers().between(250, 300).map(n -> "a".repeat(n) + "@x.example");
    return Generate.<@Nullable String>oneOf(Generate.constant((String) null), malformed.map(s -> s), tooLong.map(s -> s), names());
  }

  /** Server counts below zero. */
  public static Gen<Integer> negativeCounts() {
    return Generate.oneOf(integers().between(Integer.MIN_VALUE, -1), Generate.pick(Arrays.asList(-1, -50, Integer.MIN_VALUE)));
  }

  /** Versions no record ever has: zero and below. */
  public static Gen<Long> impossibleVersions() {
    return Generate.oneOf(longs().between(Long.MIN_VALUE, 0), Generate.pick(Arrays.asList(0L, -1L)));
  }
}
