/**
 * Spring Boot auto-configuration of a {@link cloud.quazzar.partner.PartnerProgram} (docs/spring-boot.md).
 *
 * <p>{@link cloud.quazzar.partner.spring.PartnerAutoConfiguration} defines a {@code PartnerProgram}
 * bean unless the application defines one: on the application's {@code DataSource} bean, or on the
 * {@code quazzar.partner.storage.*} properties ({@link cloud.quazzar.partner.spring.PartnerProperties});
 * {@link cloud.quazzar.partner.spring.PartnerEventListenerBeans} subscribes the application's {@link
 * cloud.quazzar.partner.events.EventListener} beans under their bean names. Properties the library
 * refuses stop the start with a {@link cloud.quazzar.partner.spring.PartnerStartupException} that
 * names them.
 *
 * <p>This jar has no {@code module-info}: Spring Boot applications run on the class path; its
 * manifest names the automatic module {@code cloud.quazzar.partner.spring}.
 */
@NullMarked
package cloud.quazzar.partner.spring;

import org.jspecify.annotations.NullMarked;
