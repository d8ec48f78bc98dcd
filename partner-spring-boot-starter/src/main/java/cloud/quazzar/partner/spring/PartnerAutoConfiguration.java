package cloud.quazzar.partner.spring;

import cloud.quazzar.partner.PartnerProgram;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import cloud.quazzar.partner.metrics.PartnerProgramMetrics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of a {@link PartnerProgram} bean (docs/spring-boot.md), registered in {@code
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}. Runs after
 * Spring Boot's DataSource auto-configuration, so that the DataSource it defines is seen. Off with
 * {@code quazzar.partner.enabled=false}.
 *
 * <ul>
 *   <li>{@code partnerProgram}: unless the application defines a {@code PartnerProgram} bean. Its
 *       storage: {@code quazzar.partner.storage.url} or {@code .h2-path} if set; else the
 *       application's one (or {@code @Primary}) {@code DataSource} bean; else the library's
 *       discovery, which never chooses a volatile store, so that an application with neither fails
 *       to start with a message saying how to choose. The application's {@code Clock} bean, if it
 *       has one, is the program's clock. Closed ({@link PartnerProgram#close()}) when the context
 *       closes.
 *   <li>{@code partnerEventListenerBeans} ({@link PartnerEventListenerBeans}): subscribes the
 *       application's {@code EventListener} beans under their bean names to the {@code
 *       PartnerProgram} bean, the application's own included; off with {@code
 *       quazzar.partner.events.subscribe-listener-beans=false}.
 *   <li>{@code partnerProgramMetrics} ({@code PartnerProgramMetrics}, a Micrometer {@code
 *       MeterBinder}) when Micrometer is on the class path; off with {@code
 *       quazzar.partner.metrics.enabled=false}.
 *   <li>{@code partnerProgramHealthIndicator} ({@link PartnerHealthIndicator}, Spring Boot's
 *       health indicator {@code partnerProgram}) when Spring Boot's health API is on the class
 *       path; off with {@code quazzar.partner.health.enabled=false}.
 * </ul>
 *
 * <p>Both come from the {@code PartnerProgram} bean, whether auto-configured or the application's,
 * and back off for an application's own bean of the same type or name.
 */
@AutoConfiguration(afterName = PartnerAutoConfiguration.DATA_SOURCE_AUTO_CONFIGURATION)
@ConditionalOnProperty(prefix = PartnerProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PartnerProperties.class)
public class PartnerAutoConfiguration {
  /**
   * Spring Boot's auto-configuration of the application's DataSource (module spring-boot-jdbc),
   * named so that this starter does not depend on it: {@value}.
   */
  public static final String DATA_SOURCE_AUTO_CONFIGURATION =
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

  /** Created by Spring. */
  public PartnerAutoConfiguration() {}

  /**
   * The program, built from the properties, the application's DataSource and Clock.
   *
   * @param properties the {@code quazzar.partner.*} properties
   * @param dataSources the application's DataSource beans
   * @param clocks the application's Clock beans
   * @return the program, closed with the context
   * @throws PartnerStartupException if a property is refused, no storage is chosen, or the store
   *     cannot be opened (the library's exception is its cause)
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public PartnerProgram partnerProgram(PartnerProperties properties, ObjectProvider<DataSource> dataSources,
      ObjectProvider<Clock> clocks) {
    return ProgramFactory.build(properties, dataSources.getIfUnique(), dataSources.stream().count(),
        clocks.getIfUnique());
  }

  /**
   * Subscribes the application's {@code EventListener} beans to the program when the context starts.
   *
   * @param program the program, auto-configured or the application's
   * @param beans the bean factory, to find the listener beans
   * @return the lifecycle bean
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = PartnerProperties.PREFIX + ".events", name = "subscribe-listener-beans",
      havingValue = "true", matchIfMissing = true)
  public PartnerEventListenerBeans partnerEventListenerBeans(PartnerProgram program, ListableBeanFactory beans) {
    return new PartnerEventListenerBeans(program, beans);
  }

  /**
   * The program's Micrometer metrics (docs/operations.md, "Metrics"), when Micrometer is on the
   * class path: a {@code MeterBinder} bean, which Spring Boot's metrics auto-configuration binds to
   * the application's registries. Closed before the program, which removes its meters.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  @ConditionalOnProperty(prefix = PartnerProperties.PREFIX + ".metrics", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  static class Metrics {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PartnerProgramMetrics partnerProgramMetrics(PartnerProgram program) {
      return PartnerProgramMetrics.of(program);
    }
  }

  /**
   * The health indicator {@code partnerProgram} ({@link PartnerHealthIndicator}), when Spring
   * Boot's health API (module spring-boot-health, which Actuator brings) is on the class path.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(prefix = PartnerProperties.PREFIX + ".health", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  static class HealthCheck {
    @Bean
    @ConditionalOnMissingBean(name = "partnerProgramHealthIndicator")
    PartnerHealthIndicator partnerProgramHealthIndicator(PartnerProgram program) {
      return new PartnerHealthIndicator(program);
    }
  }
}
