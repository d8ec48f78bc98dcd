package cloud.quazzar.partner.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.quazzar.partner.registry.Names;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The names {@link PartnerListDatabase} loads are names the registry could have stored (cleaned,
 * docs/rules.md TEXT-1; unique by key, TEXT-2), and the benchmark's prefix search matches the same
 * number of partners at every size.
 */
class PartnerListNamesTest {
  @Test
  @DisplayName("at 10,000, 100,000 and 1,000,000 partners, names are clean and unique by key, and the search prefix"
      + " matches exactly one page's worth")
  void names() {
    for (int partners : new int[] {10_000, 100_000, 1_000_000}) {
      names(partners);
    }
  }

  private static void names(int partners) {
    Set<String> keys = new HashSet<>(partners * 2);
    String search = Names.key(PartnerListDatabase.SEARCH_PREFIX);
    int matching = 0;
    for (int i = 0; i < partners; i++) {
      String name = PartnerListDatabase.name(i, partners);
      assertEquals(Names.clean(name), name, "a name as the registry cleans it");
      String key = Names.key(name);
      assertEquals(true, keys.add(key), () -> partners + " partners: key " + key + " taken");
      if (key.startsWith(search)) {
        matching++;
      }
    }
    assertEquals(PartnerListDatabase.PER_PREFIX, matching, partners + " partners: found by prefix " + search);
  }

  @Test
  @DisplayName("counts the names cannot serve are refused")
  void counts() {
    assertThrows(IllegalArgumentException.class, () -> PartnerListDatabase.requireValid(5_000));
    assertThrows(IllegalArgumentException.class, () -> PartnerListDatabase.requireValid(10_001));
    assertEquals("Legy", PartnerListDatabase.SEARCH_PREFIX);
  }
}
