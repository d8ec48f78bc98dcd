package cloud.quazzar.partner.testkit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.registry.Names;
import cloud.quazzar.partner.testkit.Examples;
import cloud.quazzar.partner.testkit.generators.InvalidInput;
import cloud.quazzar.partner.testkit.generators.TextGenerators;
import cloud.quazzar.partner.testkit.oracle.TextOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The library's text functions ({@link Names}) against the rules of docs/rules.md "Text" as {@link
 * TextOracle} restates them, on hostile text: what is stored is {@code clean(input)}, cleaning is
 * idempotent, names collide exactly when the oracle's keys are equal, keys sort by code point under
 * UTF-16 comparison too, and the validation patterns refuse exactly the documented characters.
 */
class TextRulesTest {
  /** Valid hostile text, arbitrary code points (surrogates and controls included), and refused pieces. */
  private static Gen<String> anyText() {
    Gen<String> refused = Generate.pick(InvalidInput.REFUSED_IN_FREE_TEXT).zip(TextGenerators.freeText(40),
        (c, s) -> s + c + s);
    return Generate.frequency(
        org.quicktheories.api.Pair.of(4, TextGenerators.freeText(100)),
        org.quicktheories.api.Pair.of(2, strings().allPossible().ofLengthBetween(0, 20)),
        org.quicktheories.api.Pair.of(1, strings().betweenCodePoints(0, 0x3000).ofLengthBetween(0, 20)),
        org.quicktheories.api.Pair.of(1, refused));
  }

  /** The library's key without the U+FFFF marks before supplementary characters. */
  private static String unmarked(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\uFFFF' && i + 1 < key.length() && Character.isHighSurrogate(key.charAt(i + 1))) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  @Test
  @DisplayName("clean(s) is the documented cleaning, for any text; and it is idempotent")
  void cleanIsTheRule() {
    qt().withExamples(Examples.scaled(3000)).forAll(anyText()).checkAssert(s -> {
      assertEquals(TextOracle.clean(s), Names.clean(s), () -> "clean of " + show(s));
      assertEquals(Names.clean(s), Names.clean(Names.clean(s)), () -> "idempotent on " + show(s));
    });
    for (String s : TextGenerators.HOSTILE_TEXT) {
      assertEquals(TextOracle.clean(s), Names.clean(s), () -> "clean of " + show(s));
    }
  }

  @Test
  @DisplayName("key(s) is the documented key of valid text, key(clean(s)) = key(s), and key(key(s)) = key(s)")
  void keyIsTheRule() {
    qt().withExamples(Examples.scaled(3000)).forAll(anyText()).checkAssert(s -> {
      if (!TextOracle.refusedAsFreeText(s)) {
        assertEquals(TextOracle.key(s), unmarked(Names.key(s)), () -> "key of " + show(s));
      }
      assertEquals(Names.key(s), Names.key(Names.clean(s)), () -> "key of the clean text, " + show(s));
      assertEquals(Names.key(s), Names.key(Names.key(s)), () -> "a key is its own key, " + show(s));
    });
  }

  @Test
  @DisplayName("two names have equal keys exactly when the documented keys are equal")
  void equalKeys() {
    qt().withExamples(Examples.scaled(3000)).forAll(TextGenerators.nameVariants()).checkAssert(pair -> {
      String a = pair.get(0);
      String b = pair.get(1);
      assertEquals(TextOracle.key(a).equals(TextOracle.key(b)), Names.key(a).equals(Names.key(b)),
          () -> show(a) + " and " + show(b));
    });
  }

  @Test
  @DisplayName("keys sort the same by UTF-16 units, by KEY_ORDER and by the code points of the documented key")
  void keysSortByCodePoint() {
    qt().withExamples(Examples.scaled(1000)).forAll(lists().of(TextGenerators.freeText(30)).ofSizeBetween(2, 12)).checkAssert(names -> {
      List<String> byUtf16 = new ArrayList<>(names);
      byUtf16.sort((x, y) -> Names.key(x).compareTo(Names.key(y)));
      List<String> byKeyOrder = new ArrayList<>(names);
      byKeyOrder.sort((x, y) -> Names.KEY_ORDER.compare(Names.key(x), Names.key(y)));
      List<String> byOracle = new ArrayList<>(names);
      byOracle.sort((x, y) -> TextOracle.CODE_POINT_ORDER.compare(TextOracle.key(x), TextOracle.key(y)));
      List<String> keys = byOracle.stream().map(TextOracle::key).toList();
      assertEquals(keys, byUtf16.stream().map(TextOracle::key).toList(), "UTF-16 order of the keys");
      assertEquals(keys, byKeyOrder.stream().map(TextOracle::key).toList(), "KEY_ORDER of the keys");
    });
  }

  @Test
  @DisplayName("the free-text and email patterns refuse exactly the documented characters")
  void patterns() {
    Gen<String> emailish = Generate.pick(InvalidInput.REFUSED_IN_EMAILS).zip(strings().allPossible().ofLengthBetween(0, 5),
        (c, s) -> "a" + s + c + "@x.example");
    qt().withExamples(Examples.scaled(3000)).forAll(Generate.oneOf(anyText(), emailish)).checkAssert(s -> {
      assertEquals(!TextOracle.refusedAsFreeText(s), s.matches(Names.TEXT_PATTERN), () -> "free text " + show(s));
      assertEquals(!TextOracle.refusedInEmail(s), s.matches(Names.EMAIL_PATTERN), () -> "email " + show(s));
    });
    for (String c : InvalidInput.REFUSED_IN_FREE_TEXT) {
      assertTrue(TextOracle.refusedAsFreeText("a" + c), show(c));
    }
    for (String c : InvalidInput.REFUSED_IN_EMAILS) {
      assertTrue(TextOracle.refusedInEmail("a" + c + "@x.example"), show(c));
    }
    for (String s : TextGenerators.HOSTILE_TEXT) {
      assertTrue(s.matches(Names.TEXT_PATTERN), () -> "the hostile corpus is valid: " + show(s));
      assertTrue(!Names.clean(s).isEmpty() && s.length() <= 100, () -> "not blank, fits every field: " + show(s));
    }
  }

  static String show(String s) {
    StringBuilder out = new StringBuilder("'");
    s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp) : String.format("\\u%04X", cp)));
    return out.append("'").toString();
  }
}
