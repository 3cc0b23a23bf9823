package org.nivaran.grievance.spring;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.jdbc.SchemaInstaller;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.tenant.TenantId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot auto-configuration of Nivaran on the application's {@link DataSource}: the JDBC store
 * and its schema, database-numbered complaint ids, the directory and calendars from the files the
 * {@link NivaranProperties} name, {@link Grievances}, the outbox relay, and the schedules of the
 * escalator and the relay. Every bean is {@code @ConditionalOnMissingBean}: the host's own wins.
 *
 * <p>Registered in {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports};
 * applies when there is a {@code DataSource} bean. Bean methods are called by Spring on one thread
 * at start-up; the beans they make are thread-safe.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration")
@ConditionalOnClass({Grievances.class, JdbcComplaintStore.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(NivaranProperties.class)
public class NivaranAutoConfiguration {

  /** Created by Spring. */
  public NivaranAutoConfiguration() {}

  /**
   * Installs or upgrades the store's schema with {@link SchemaInstaller} before the store is made,
   * when the application runs no Flyway (with Flyway, {@link NivaranFlywayConfiguration} adds the
   * store's files to its locations instead) and {@code nivaran.schema.install} is not false.
   *
   * @param dataSource the application's database
   * @return the versions applied now
   */
  @Bean
  @ConditionalOnMissingBean(value = NivaranSchema.class, type = "org.flywaydb.core.Flyway")
  @ConditionalOnProperty(prefix = "nivaran.schema", name = "install", havingValue = "true", matchIfMissing = true)
  public NivaranSchema nivaranSchema(DataSource dataSource) {
    return new NivaranSchema(SchemaInstaller.install(dataSource));
  }

  /**
   * The JDBC store on the application's database, made after the schema is installed.
   *
   * @param dataSource the application's database
   * @param schema the installed schema, when the starter installs it
   * @param properties the properties ({@code nivaran.allow-non-durable})
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  public JdbcComplaintStore nivaranComplaintStore(DataSource dataSource, ObjectProvider<NivaranSchema> schema,
      NivaranProperties properties) {
    schema.getIfAvailable();
    JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(dataSource);
    if (properties.getAllowNonDurable() != null) {
      builder.allowNonDurable(properties.getAllowNonDurable());
    }
    return builder.build();
  }

  /**
   * Complaint numbers from the database, {@code <prefix>-<year>-<number>}, unique across nodes.
   *
   * @param dataSource the application's database
   * @param properties the properties
   * @return the id scheme
   */
  @Bean
  @ConditionalOnMissingBean
  public JdbcIdScheme nivaranIdScheme(DataSource dataSource, NivaranProperties properties) {
    try {
      return JdbcIdScheme.yearly(dataSource, tenant(properties), properties.getIdPrefix(), properties.getZone(),
          properties.getIdBlockSize());
    } catch (IllegalArgumentException | GrievanceException e) {
      throw new NivaranConfigurationException("nivaran.id-prefix", e.getMessage());
    }
  }

  /**
   * The system clock in UTC, unless the host gives a {@link Clock} (a test's controllable one).
   *
   * @return the clock
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock nivaranClock() {
    return Clock.systemUTC();
  }

  /**
   * The directory read from {@code nivaran.directory-file}.
   *
   * @param properties the properties
   * @return the directory
   * @throws NivaranConfigurationException naming the file, section, row, field and bad reference
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "nivaran", name = "directory-file")
  public Directory nivaranDirectory(NivaranProperties properties) {
    return ConfigurationFiles.directory(properties.getDirectoryFile());
  }

  /**
   * The calendars read from {@code nivaran.calendars-file}.
   *
   * @param properties the properties
   * @return the registry
   * @throws NivaranConfigurationException naming the file and the JSON path of the problem
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "nivaran", name = "calendars-file")
  public CalendarRegistry nivaranCalendars(NivaranProperties properties) {
    return ConfigurationFiles.calendars(properties.getCalendarsFile());
  }

  /**
   * The entry point, on the store, ids, clock, and whichever directory, calendars and escalation
   * policies exist as beans.
   *
   * @param properties the properties
   * @param store the store
   * @param ids the id scheme
   * @param clock the clock
   * @param directory the directory, if any
   * @param calendars the calendars, if any
   * @param policies the escalation policies, if any (the host gives them as a bean)
   * @param instrumentation what observes registrations, commands and sweeps, if any
   * @return the grievances
   * @throws NivaranConfigurationException if the directory, calendars and policies do not fit together,
   *     naming the bad reference
   */
  @Bean
  @ConditionalOnMissingBean
  public Grievances grievances(NivaranProperties properties, JdbcComplaintStore store, JdbcIdScheme ids,
      Clock clock, ObjectProvider<Directory> directory, ObjectProvider<CalendarRegistry> calendars,
      ObjectProvider<EscalationPolicies> policies, ObjectProvider<Instrumentation> instrumentation) {
    var b = Grievances.builder()
        .tenant(tenant(properties))
        .store(store)
        .idScheme(ids)
        .clock(clock)
        .zone(properties.getZone());
    directory.ifAvailable(b::directory);
    calendars.ifAvailable(b::calendars);
    policies.ifAvailable(b::escalationPolicies);
    instrumentation.ifAvailable(b::instrumentation);
    try {
      return b.build();
    } catch (GrievanceException | IllegalStateException e) {
      throw new NivaranConfigurationException("nivaran", "the directory ("
          + properties.getDirectoryFile() + "), calendars (" + properties.getCalendarsFile()
          + ") and escalation policies do not fit together: " + e.getMessage());
    }
  }

  /**
   * The outbox relay to the host's {@link Notifier} bean; with none, a {@link LoggingNotifier}
   * when {@code nivaran.relay.logging-notifier=true}, else the context refuses to start.
   *
   * @param properties the properties
   * @param dataSource the application's database
   * @param clock the clock
   * @param notifier the host's notifier
   * @param instrumentation what observes the deliveries, if any
   * @return the relay
   * @throws NivaranConfigurationException if there is no notifier and no opt-in to logging
   */
  @Bean
  @ConditionalOnMissingBean
  public OutboxRelay nivaranOutboxRelay(NivaranProperties properties, DataSource dataSource, Clock clock,
      ObjectProvider<Notifier> notifier, ObjectProvider<Instrumentation> instrumentation) {
    Notifier n = notifier.getIfAvailable(() -> {
      if (properties.getRelay().isLoggingNotifier()) {
        return new LoggingNotifier();
      }
      throw new NivaranConfigurationException("nivaran.relay.logging-notifier",
          "no Notifier bean: give one (an SMS gateway, say) or set nivaran.relay.logging-notifier=true"
              + " to log notifications instead of sending them");
    });
    NivaranProperties.Relay relay = properties.getRelay();
    try {
      return OutboxRelay.builder()
          .tenant(tenant(properties))
          .dataSource(dataSource)
          .notifier(n)
          .clock(clock)
          .batchSize(relay.getBatchSize())
          .lease(relay.getLease())
          .instrumentation(instrumentation.getIfAvailable(Instrumentation::none))
          .build();
    } catch (IllegalArgumentException e) {
      throw new NivaranConfigurationException("nivaran.relay", e.getMessage());
    }
  }

  /**
   * The schedules of the escalator (when {@code nivaran.escalator.enabled}) and of the relay (when
   * {@code nivaran.relay.enabled}), started with the context and stopped when it closes.
   *
   * @param properties the properties
   * @param grievances the grievances whose escalator sweeps
   * @param relay the relay
   * @return the schedules
   */
  @Bean
  @ConditionalOnMissingBean
  public NivaranSchedules nivaranSchedules(NivaranProperties properties, Grievances grievances, OutboxRelay relay) {
    return new NivaranSchedules(
        properties.getEscalator().isEnabled() ? grievances.escalator() : null,
        properties.getEscalator().getInterval(),
        properties.getRelay().isEnabled() ? relay : null,
        properties.getRelay().getInterval());
  }

  private static TenantId tenant(NivaranProperties properties) {
    try {
      return TenantId.of(properties.getTenant());
    } catch (IllegalArgumentException | GrievanceException e) {
      throw new NivaranConfigurationException("nivaran.tenant", e.getMessage());
    }
  }

  /**
   * The store's schema as the starter installed it at start-up.
   *
   * @param applied the schema files applied at this start-up; empty if it was up to date
   */
  public record NivaranSchema(List<String> applied) {
    /**
     * Copies the list.
     *
     * @param applied the files applied
     */
    public NivaranSchema {
      applied = List.copyOf(applied);
    }
  }
}
