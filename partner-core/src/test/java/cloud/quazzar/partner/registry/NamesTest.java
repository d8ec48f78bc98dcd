package cloud.quazzar.partner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/rules.md TEXT-1 to TEXT-4, by example; the properties are in partner-testkit's TextRulesTest. */
class NamesTest {
  @Test
  @DisplayName("clean trims and collapses white space of every Unicode kind to one space")
  void clean() {
    assertEquals("Acme Cloud", Names.clean("  Acme \t\n  Cloud  "));
    assertEquals("a", Names.clean("a"));
    assertEquals("Acme Cloud", Names.clean("\u00A0Acme\u3000\u2029Cloud\u202F"));
    assertEquals("Acme Cloud", Names.clean("\u2003Acme\u1680\u205F\u2000Cloud\r\n"));
  }

  @Test
  @DisplayName("clean removes invisible characters without a function, keeps joiners, marks and variation selectors")
  void invisible() {
    assertEquals("Acme", Names.clean("\uFEFFAcme"));
    assertEquals("zerowidth", Names.clean("zero\u200Bwidth\u2060\u00AD"));
    assertEquals("", Names.clean("\u3164\u200B \uFEFF"));
    assertEquals("👨\u200D👩\u200D👧", Names.clean("👨\u200D👩\u200D👧"));
    assertEquals("\u200Frtl\u200E", Names.clean("\u200Frtl\u200E"));
    assertEquals("❤\uFE0F", Names.clean("❤\uFE0F"));
  }

  @Test
  @DisplayName("clean puts text in NFC, also after removing an invisible character between letter and mark")
  void nfc() {
    assertEquals("é", Names.clean("e\u0301"));
    assertEquals("é", Names.clean("e\u200B\u0301"));
    assertEquals("Å", Names.clean("\u212B"));
    assertEquals("각", Names.clean("\u1100\u1161\u11A8"));
    assertEquals("ＡＣＭＥ", Names.clean("ＡＣＭＥ"), "compatibility forms are stored as given");
  }

  @Test
  @DisplayName("keys ignore case, spacing, invisible characters and compatibility forms, and nothing else")
  void key() {
    assertEquals(Names.key("ACME cloud"), Names.key(" acme   Cloud "));
    assertEquals(Names.key("Acme"), Names.key("\u00A0Acme"));
    assertEquals(Names.key("Acme"), Names.key("\uFEFFAc\u200Dme"));
    assertEquals(Names.key("Acme"), Names.key("ＡＣＭＥ"));
    assertEquals(Names.key("finance"), Names.key("ﬁnance"));
    assertEquals(Names.key("strasse"), Names.key("Straße"));
    assertEquals(Names.key("straße"), Names.key("STRAẞE"));
    assertEquals(Names.key("Acmé"), Names.key("Acme\u0301"));
    assertNotEquals(Names.key("Acme Cloud"), Names.key("AcmeCloud"));
    assertNotEquals(Names.key("Acme-Cloud"), Names.key("Acme Cloud"));
    assertNotEquals(Names.key("Acmé"), Names.key("Acme"));
    assertEquals("acme cloud", Names.key("ACME cloud"));
  }

  @Test
  @DisplayName("a key marks characters beyond U+FFFF so that UTF-16 order is code point order; a key is its own key")
  void keyMarks() {
    assertEquals("\uFFFF\uD841\uDF0E cloud", Names.key("\uD841\uDF0E Cloud"));
    assertEquals(Names.key("\uD841\uDF0E Cloud"), Names.key(Names.key("\uD841\uDF0E Cloud")));
    assertEquals(Names.key("aΣ\uD801\uDC00"), Names.key(Names.key("aΣ\uD801\uDC00")), "final sigma needs no mark");
    List<String> keys = new ArrayList<>();
    for (String name : List.of("\uD841\uDF0E", "\uFA0E", "\uE000", "Zeta", "acme")) {
      keys.add(Names.key(name));
    }
    List<String> byUtf16 = new ArrayList<>(keys);
    byUtf16.sort(String::compareTo);
    List<String> byCodePoint = new ArrayList<>(keys);
    byCodePoint.sort(Names.KEY_ORDER);
    assertEquals(List.of("acme", "zeta", "\uE000", "\uFA0E", "\uFFFF\uD841\uDF0E"), byCodePoint);
    assertEquals(byCodePoint, byUtf16);
  }

  @Test
  @DisplayName("KEY_ORDER orders any text by code point, like a binary database collation, also beyond U+FFFF")
  void keyOrder() {
    List<String> keys = new ArrayList<>(List.of("\uFF21", "\uD83D\uDE80", "b", "a", "ab"));
    keys.sort(Names.KEY_ORDER);
    assertEquals(List.of("a", "ab", "b", "\uFF21", "\uD83D\uDE80"), keys);
  }

  @Test
  @DisplayName("the free-text pattern refuses controls, unpaired surrogates, non-characters and bidi controls, on long text too")
  void textPattern() {
    assertTrue("Acme\tCloud\r\n日本 🚀 \u200D\u200F\uE000".matches(Names.TEXT_PATTERN));
    for (String bad : List.of("\u0000", "\u0085", "\u007F", "\uD800", "\uDFFF", "\uFDD0", "\uFFFE", "\uFFFF",
        "\uDBFF\uDFFF", "\u202A", "\u202E", "\u2066", "\u2069")) {
      assertFalse(("a" + bad + "b").matches(Names.TEXT_PATTERN), bad);
    }
    assertTrue("a\tb ".repeat(100_000).matches(Names.TEXT_PATTERN), "no stack overflow on long text");
  }

  @Test
  @DisplayName("the email pattern refuses every white space, format, control, private-use and unassigned character")
  void emailPattern() {
    assertTrue("josé.o'brien@bücher.example".matches(Names.EMAIL_PATTERN));
    for (String bad : List.of(" ", "\u00A0", "\u2029", "\u202A", "\u202B", "\u2066", "\u2067", "\uFEFF", "\u200B",
        "\u200D", "\uFFFF", "\uFDD0", "\uE000", "\u0378", "\uD800", "\t")) {
      assertFalse(("a" + bad + "@x.example").matches(Names.EMAIL_PATTERN), bad);
    }
  }
}
