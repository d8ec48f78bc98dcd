/**
 * A small Spring Boot application on partner-spring-boot-starter (docs/spring-boot.md, "The example"):
 * the starter builds the {@code PartnerProgram} on the application's DataSource ({@code
 * spring.datasource.*}); {@link cloud.quazzar.partner.examples.spring.PartnerDesk} adds partners and
 * quotes discounts; {@link cloud.quazzar.partner.examples.spring.WelcomeMails}, an {@code EventListener}
 * bean, receives the program's events.
 */
@NullMarked
package cloud.quazzar.partner.examples.spring;

import org.jspecify.annotations.NullMarked;
