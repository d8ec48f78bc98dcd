/**
 * The quickstart and the README's host example, as a host application's module: it reads the JDBC
 * adapter (and through it core) and exports nothing. Run it on the module path with {@code java
 * --module-path <jars> -m cloud.quazzar.partner.examples/cloud.quazzar.partner.examples.Quickstart};
 * {@code target/quickstart.jar} runs the same code on the class path.
 */
module cloud.quazzar.partner.examples {
  requires cloud.quazzar.partner.core;
  requires cloud.quazzar.partner.jdbc;
  requires static org.jspecify;
}
