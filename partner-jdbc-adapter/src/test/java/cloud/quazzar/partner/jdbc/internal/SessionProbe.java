package cloud.quazzar.partner.jdbc.internal;

import cloud.quazzar.partner.spi.Store;

/** For tests: a number read with the store's own SQL, inside one of its read transactions. */
public final class SessionProbe {
  private SessionProbe() {}

  /** How many transactions the JDBC store ran again because its driver failed over to another host (25S03). */
  public static long failovers(Store store) {
    return store.unwrap(JdbcStore.class).orElseThrow(() -> new IllegalArgumentException("not a JDBC store")).failovers();
  }

  /** The first column of the first row of {@code sql}, read in a read transaction of {@code store} (a JDBC store). */
  public static long number(Store store, String sql) {
    JdbcStore jdbc = store.unwrap(JdbcStore.class).orElseThrow(() -> new IllegalArgumentException("not a JDBC store"));
    return jdbc.read(tx -> ((JdbcTransaction) tx).jdbc().number(sql));
  }
}
