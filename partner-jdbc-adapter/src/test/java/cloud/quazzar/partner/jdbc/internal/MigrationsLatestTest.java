package cloud.quazzar.partner.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.quazzar.partner.jdbc.JdbcStorage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schema version the store expects (rule OPS-3) is the highest migration of both locations. */
class MigrationsLatestTest {
  private static final Pattern VERSION = Pattern.compile("V([0-9]+)__.*\\.sql");

  private static int highest(String location) throws IOException, URISyntaxException {
    String folder = location.substring("classpath:".length());
    URL url = Migrations.class.getClassLoader().getResource(folder);
    assertEquals("file", url == null ? null : url.getProtocol(), "the scripts are in a folder while testing: " + url);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Integer> versions = files.map(f -> VERSION.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1))).toList();
      return versions.stream().mapToInt(Integer::intValue).max().orElse(-1);
    }
  }

  @Test
  @DisplayName("OPS-3: Migrations.LATEST_VERSION is the highest V<n> script in the H2/PostgreSQL and the MariaDB locations")
  void latestIsTheHighestScript() throws Exception {
    assertEquals(Migrations.LATEST_VERSION, highest(JdbcStorage.MIGRATION_LOCATION));
    assertEquals(Migrations.LATEST_VERSION, highest(JdbcStorage.MARIADB_MIGRATION_LOCATION));
  }
}
