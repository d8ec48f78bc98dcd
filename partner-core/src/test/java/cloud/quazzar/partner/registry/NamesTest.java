package cloud.quazzar.partner.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  @DisplayName("clean trims and collapses white space of every kind to one space")
  void clean() {
    assertEquals("Acme Cloud", Names.clean("  Acme \t\n  Cloud  "));
    assertEquals("a", Names.clean("a"));
  }

  @Test
  @DisplayName("keys ignore case and spacing, and nothing else")
  void key() {
    assertEquals(Names.key("ACME cloud"), Names.key(" acme   Cloud "));
    assertNotEquals(Names.key("Acme Cloud"), Names.key("AcmeCloud"));
    assertNotEquals(Names.key("Acme-Cloud"), Names.key("Acme Cloud"));
  }

  @Test
  @DisplayName("keys order by code point, like a binary database collation, also beyond U+FFFF")
  void keyOrder() {
    java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("\uFF21", "\uD83D\uDE80", "b", "a", "ab"));
    keys.sort(Names.KEY_ORDER);
    assertEquals(java.util.List.of("a", "ab", "b", "\uFF21", "\uD83D\uDE80"), keys);
  }
}
