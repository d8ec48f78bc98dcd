/**
 * The partner program's test kit: the storage TCK ({@code tck}), QuickTheories generators ({@code
 * generators}), reference oracles of the rules ({@code oracle}) and a test clock and id source.
 * Every package is exported; the kit has no internal code.
 */
// QuickTheories' jar declares no module name: quicktheories is the name the JDK derives from its file
// name (an automatic module). Its Gen is in the generators' signatures, so it is required transitively.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module cloud.quazzar.partner.testkit {
  exports cloud.quazzar.partner.testkit;
  exports cloud.quazzar.partner.testkit.generators;
  exports cloud.quazzar.partner.testkit.oracle;
  exports cloud.quazzar.partner.testkit.tck;

  // JUnit runs the TCK's @Nested classes and package-private test methods by reflection, from the
  // module path or the class path (the unnamed module), so the package is open to everyone.
  opens cloud.quazzar.partner.testkit.tck;

  requires transitive cloud.quazzar.partner.core;
  requires transitive org.junit.jupiter.api;
  requires transitive quicktheories;
  requires static org.jspecify;
  requires org.apache.commons.csv;
  // StoredText.ofDatabase reads a JDBC store's tables for the privacy contract (Connection is in its signature)
  requires transitive java.sql;
  // the privacy contract reads the personal-data export's JSON
  requires com.fasterxml.jackson.core;
}
