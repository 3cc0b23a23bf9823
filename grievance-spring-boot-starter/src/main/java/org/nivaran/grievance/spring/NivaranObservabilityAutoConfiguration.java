package org.nivaran.grievance.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nivaran's observability on Spring Boot: with Micrometer, a {@link MicrometerInstrumentation}
 * (metrics, and observations when the application has an {@link ObservationRegistry}) given to
 * {@code Grievances}, its escalator and the outbox relay, and the {@code nivaran.outbox.pending} and
 * {@code nivaran.outbox.dead} gauges; with Actuator, the {@code nivaran} {@link NivaranHealthIndicator}.
 *
 * <p>Registered in {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports};
 * applies when {@link NivaranAutoConfiguration} made {@code Grievances}. Each bean is
 * {@code @ConditionalOnMissingBean}: a host's own {@link Instrumentation}, for one, replaces the
 * Micrometer one. Bean methods are called by Spring on one thread at start-up; the beans are
 * thread-safe.
 */
@AutoConfiguration(after = NivaranAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnBean(Grievances.class)
@EnableConfigurationProperties({NivaranObservabilityProperties.class, NivaranHealthProperties.class})
public class NivaranObservabilityAutoConfiguration {

  /** Created by Spring. */
  public NivaranObservabilityAutoConfiguration() {}

  /**
   * The administration of the application's tenant's outbox (counts, dead letters, redrives).
   *
   * @param dataSource the application's database
   * @param properties the properties ({@code nivaran.tenant})
   * @return the outbox administration
   */
  @Bean
  @ConditionalOnMissingBean
  public OutboxAdministration nivaranOutboxAdministration(DataSource dataSource, NivaranProperties properties) {
    return OutboxAdministration.create(dataSource, tenant(properties));
  }

  /**
   * The outbox counts, kept for {@code nivaran.observability.outbox-counts-refresh}.
   *
   * @param outbox the outbox administration
   * @param properties the properties
   * @return the counts
   */
  @Bean
  @ConditionalOnMissingBean
  public NivaranOutboxCounts nivaranOutboxCounts(OutboxAdministration outbox, NivaranObservabilityProperties properties) {
    return new NivaranOutboxCounts(outbox, properties.getOutboxCountsRefresh());
  }

  private static TenantId tenant(NivaranProperties properties) {
    try {
      return TenantId.of(properties.getTenant());
    } catch (IllegalArgumentException | GrievanceException e) {
      throw new NivaranConfigurationException("nivaran.tenant", e.getMessage());
    }
  }

  /** Metrics and observations, when the application has Micrometer and a {@link MeterRegistry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnProperty(prefix = "nivaran.observability", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Metrics {
    /**
     * Nivaran's instrumentation on the application's meter registry and, if any, observation registry.
     *
     * @param meters the meter registry
     * @param observations the observation registry, if any
     * @return the instrumentation
     */
    @Bean
    @ConditionalOnMissingBean(Instrumentation.class)
    MicrometerInstrumentation nivaranInstrumentation(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
      return new MicrometerInstrumentation(meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * The gauges {@code nivaran.outbox.pending} and {@code nivaran.outbox.dead} (tag {@code tenant}),
     * from the kept counts; NaN while the database does not answer.
     *
     * @param counts the kept counts
     * @param properties the properties ({@code nivaran.tenant})
     * @return the binder Spring Boot binds to the registry
     */
    @Bean
    MeterBinder nivaranOutboxGauges(NivaranOutboxCounts counts, NivaranProperties properties) {
      String tenant = tenant(properties).value();
      return registry -> {
        Gauge.builder("nivaran.outbox.pending", counts, c -> read(c, true))
            .description("Outbox messages waiting to be delivered").tag("tenant", tenant).register(registry);
        Gauge.builder("nivaran.outbox.dead", counts, c -> read(c, false))
            .description("Outbox messages given up on").tag("tenant", tenant).register(registry);
      };
    }

    private static double read(NivaranOutboxCounts counts, boolean pending) {
      try {
        return pending ? counts.counts().pending() : counts.counts().dead();
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }
  }

  /** The health indicator, when Actuator is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnProperty(prefix = "management.health.nivaran", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  static class Health {
    /**
     * The {@code nivaran} health indicator.
     *
     * @param grievances the application's grievances
     * @param counts the kept outbox counts
     * @param properties the thresholds and the status
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "nivaranHealthIndicator")
    NivaranHealthIndicator nivaranHealthIndicator(Grievances grievances, NivaranOutboxCounts counts,
        NivaranHealthProperties properties) {
      return new NivaranHealthIndicator(grievances, counts, properties);
    }
  }
}
