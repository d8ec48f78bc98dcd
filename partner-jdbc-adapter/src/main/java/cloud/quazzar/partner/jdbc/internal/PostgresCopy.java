package cloud.quazzar.partner.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's COPY, the one place the store uses the PostgreSQL driver's own classes. They are
 * kept here so that a host on H2, which does not carry the driver (it is an optional dependency of
 * the adapter, decision HD1 in docs/decisions.md), never loads a class that names them: only the
 * PostgreSQL paths of {@code JdbcRevenue} and {@code JdbcEvents} call this class.
 */
final class PostgresCopy {
  private PostgresCopy() {}

  /**
   * Runs {@code copySql} ({@code COPY ... FROM STDIN (FORMAT text)}) with one line per item written
   * by {@code line}, streamed in 64 KB pieces.
   *
   * @return the rows copied
   */
  static <T> long copyIn(Connection c, String copySql, List<T> items, BiConsumer<StringBuilder, T> line)
      throws SQLException {
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      StringBuilder sb = new StringBuilder(64 * 1024);
      for (T item : items) {
        line.accept(sb, item);
        if (sb.length() > 60 * 1024) {
          byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          sb.setLength(0);
        }
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
