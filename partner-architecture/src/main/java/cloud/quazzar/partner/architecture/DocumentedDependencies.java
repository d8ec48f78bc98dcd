package cloud.quazzar.partner.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps docs/dependencies.md true: a published module's table there must list exactly the run-time
 * dependencies the build resolves for the module ({@code compile} and {@code runtime} scope, as
 * {@code maven-dependency-plugin:list} writes them), each with its version, its scope and whether
 * it is optional. The tables of partner-jdbc-adapter and partner-testkit list what they add to
 * partner-core's, so for them partner-core's table counts too, but for its optional rows (an
 * optional dependency is not passed on).
 */
public final class DocumentedDependencies {
  /** The module whose table the other modules' tables extend ("Everything of partner-core, and:"). */
  static final String CORE = "partner-core";

  /** A table row: {@code | `group:artifact` | version | scope | size | why |}. */
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.\\-]+:[\\w.\\-]+)` \\| ([^|]+?) \\| ([^|]*?) \\|");

  /**
   * A line of {@code dependency:list}: {@code group:artifact:type[:classifier]:version:scope}, maybe
   * {@code (optional)}, maybe {@code -- module name}.
   */
  private static final Pattern RESOLVED = Pattern.compile(
      "^\\s*([\\w.\\-]+):([\\w.\\-]+):[\\w\\-]+:(?:[\\w.\\-]+:)?([\\w.\\-]+):(compile|runtime)(\\s+\\(optional\\))?.*$");

  private DocumentedDependencies() {}

  /** A dependency as the document states it or the build resolved it. */
  record Dependency(String version, String scope, boolean optional) {
    @Override
    public String toString() {
      return version + " " + scope + (optional ? " optional" : "");
    }
  }

  /**
   * Checks {@code module}'s table (with partner-core's, for the other modules) against the
   * dependencies the build resolved.
   *
   * @param doc docs/dependencies.md
   * @param module the module's artifact id, the title of its section ({@code ## partner-core})
   * @param resolved the output of {@code dependency:list} for the module, {@code runtime} scope included
   * @throws AssertionError listing every difference: an artifact missing from the table or not
   *     resolved, another version, another scope, optional or not
   * @throws IOException if a file cannot be read
   */
  public static void check(Path doc, String module, Path resolved) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    Map<String, Dependency> documented = new TreeMap<>();
    if (!module.equals(CORE)) {
      // core's optional dependencies are not passed on (Maven does not resolve them for a module
      // that depends on core): only its others count for the modules that extend its table
      table(text, CORE).forEach((artifact, d) -> {
        if (!d.optional()) {
          documented.put(artifact, d);
        }
      });
    }
    documented.putAll(table(text, module));
    documented.remove("cloud.quazzar.partner:" + module); // the module's own row: its jar, not a dependency
    List<String> differences = differences(documented, resolved(Files.readAllLines(resolved, StandardCharsets.UTF_8)));
    if (!differences.isEmpty()) {
      throw new AssertionError(doc + ", section '" + module + "', differs from the dependencies the build resolved ("
          + resolved + "):\n  " + String.join("\n  ", differences));
    }
  }

  /** The rows of the first table under {@code ## module}, by {@code group:artifact}. */
  static Map<String, Dependency> table(String doc, String module) {
    Map<String, Dependency> rows = new TreeMap<>();
    boolean inSection = false;
    for (String line : doc.split("\n", -1)) {
      if (line.startsWith("## ")) {
        if (inSection) {
          break;
        }
        inSection = line.substring(3).strip().equals(module);
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.find()) {
        String scope = row.group(3).strip();
        rows.put(row.group(1), new Dependency(row.group(2).strip(), scope.isEmpty() ? "" : scope.split("[ ,]", -1)[0],
            scope.contains("optional")));
      }
    }
    if (rows.isEmpty()) {
      throw new AssertionError("no table of dependencies under '## " + module + "'");
    }
    return rows;
  }

  /** The resolved dependencies in {@code dependency:list}'s output, by {@code group:artifact}. */
  static Map<String, Dependency> resolved(List<String> lines) {
    Map<String, Dependency> resolved = new TreeMap<>();
    for (String line : lines) {
      Matcher m = RESOLVED.matcher(line);
      if (m.matches()) {
        resolved.put(m.group(1) + ":" + m.group(2), new Dependency(m.group(3), m.group(4), m.group(5) != null));
      }
    }
    if (resolved.isEmpty()) {
      throw new AssertionError("no dependency in the resolved list: " + lines);
    }
    return resolved;
  }

  /** Every difference between the documented and the resolved dependencies, one line each. */
  static List<String> differences(Map<String, Dependency> documented, Map<String, Dependency> resolved) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>(documented.keySet());
    all.addAll(resolved.keySet());
    for (String artifact : all) {
      Dependency doc = documented.get(artifact);
      Dependency real = resolved.get(artifact);
      if (doc == null) {
        differences.add(artifact + " " + real + ": resolved, not in the table");
      } else if (real == null) {
        differences.add(artifact + " " + doc + ": in the table, not resolved");
      } else if (!doc.equals(real)) {
        differences.add(artifact + ": the table says " + doc + ", the build resolved " + real);
      }
    }
    return differences;
  }
}
