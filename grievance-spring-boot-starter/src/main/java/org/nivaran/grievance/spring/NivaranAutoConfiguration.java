package org.nivaran.grievance.spring;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Spring Boot auto-configuration of Nivaran on the application's {@link DataSource}: the JDBC store
 * and its schema, database-numbered complaint ids, the directory (a JSON file or a folder of CSV
 * tables), calendars and escalation policies from the files the {@link NivaranProperties} name,
 * {@link Grievances}, the outbox relay, and the schedules of the escalator and the relay. Every bean is {@code @ConditionalOnMissingBean}: the host's own wins.
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
   * The directory read from {@code nivaran.directory-file} (JSON) or from the CSV tables in the
   * folder {@code nivaran.directory-csv}; the two together are refused.
   *
   * @param properties the properties
   * @return the directory
   * @throws NivaranConfigurationException naming the file, section or table, row, field and bad
   *     reference; or naming both properties when both are set
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(DirectorySource.class)
  public Directory nivaranDirectory(NivaranProperties properties) {
    if (properties.getDirectoryFile() != null && properties.getDirectoryCsv() != null) {
      throw new NivaranConfigurationException(ConfigurationFiles.DIRECTORY_FILE, "and "
          + ConfigurationFiles.DIRECTORY_CSV + " are both set (" + properties.getDirectoryFile() + ", "
          + properties.getDirectoryCsv() + "): the directory comes from one of them; remove the other");
    }
    return properties.getDirectoryFile() != null
        ? ConfigurationFiles.directory(properties.getDirectoryFile())
        : ConfigurationFiles.directoryCsv(properties.getDirectoryCsv());
  }

  /**
   * The escalation policies read from {@code nivaran.policies-file}, each counting on a calendar
   * of the {@link CalendarRegistry} bean ({@code nivaran.calendars-file}).
   *
   * @param properties the properties
   * @param calendars the calendars, if any
   * @return the policies
   * @throws NivaranConfigurationException naming the file, the JSON path of the field and the bad
   *     reference (a calendar the calendars do not have, a level outside the ladder)
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "nivaran", name = "policies-file")
  public EscalationPolicies nivaranEscalationPolicies(NivaranProperties properties,
      ObjectProvider<CalendarRegistry> calendars) {
    CalendarRegistry known = calendars.getIfAvailable();
    if (known == null) {
      throw new NivaranConfigurationException(ConfigurationFiles.POLICIES_FILE, properties.getPoliciesFile(),
          "each policy counts on a calendar, and none are given: set " + ConfigurationFiles.CALENDARS_FILE
              + " or give a CalendarRegistry bean", null);
    }
    return ConfigurationFiles.policies(properties.getPoliciesFile(), known);
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
          + source(ConfigurationFiles.DIRECTORY_FILE, properties.getDirectoryFile(),
              ConfigurationFiles.DIRECTORY_CSV, properties.getDirectoryCsv())
          + "), calendars (" + source(ConfigurationFiles.CALENDARS_FILE, properties.getCalendarsFile(), null, null)
          + ") and escalation policies (" + source(ConfigurationFiles.POLICIES_FILE, properties.getPoliciesFile(), null, null)
          + ") do not fit together: " + e.getMessage());
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
    RelayProperties relay = properties.getRelay();
    int batchSize = atLeastOne("nivaran.relay.batch-size", relay.getBatchSize());
    Duration lease = positive("nivaran.relay.lease", relay.getLease());
    try {
      return OutboxRelay.builder()
          .tenant(tenant(properties))
          .dataSource(dataSource)
          .notifier(n)
          .clock(clock)
          .batchSize(batchSize)
          .lease(lease)
          .instrumentation(instrumentation.getIfAvailable(Instrumentation::none))
          .build();
    } catch (IllegalArgumentException e) {
      throw new NivaranConfigurationException("nivaran.relay", e.getMessage());
    }
  }

  /**
   * The schedules of the escalator (when {@code nivaran.escalator.enabled}, claiming
   * {@code nivaran.escalator.batch-size} due complaints at a time under {@code nivaran.escalator.lease})
   * and of the relay (when {@code nivaran.relay.enabled}), started with the context and stopped when
   * it closes.
   *
   * @param properties the properties
   * @param grievances the grievances whose escalator sweeps
   * @param relay the relay
   * @return the schedules
   * @throws NivaranConfigurationException naming the property if an interval or lease is not
   *     positive or the batch size is below 1
   */
  @Bean
  @ConditionalOnMissingBean
  public NivaranSchedules nivaranSchedules(NivaranProperties properties, Grievances grievances, OutboxRelay relay) {
    EscalatorProperties escalator = properties.getEscalator();
    int batchSize = atLeastOne("nivaran.escalator.batch-size", escalator.getBatchSize());
    Duration lease = positive("nivaran.escalator.lease", escalator.getLease());
    return new NivaranSchedules(
        escalator.isEnabled() ? grievances.escalator(batchSize, lease) : null,
        properties.getEscalator().getInterval(),
        properties.getRelay().isEnabled() ? relay : null,
        properties.getRelay().getInterval());
  }

  /** Where a part came from, for messages: the property set and its file, else a bean or none. */
  private static String source(String property, Object value, String otherProperty, Object otherValue) {
    if (value != null) {
      return property + " = " + value;
    }
    if (otherValue != null) {
      return otherProperty + " = " + otherValue;
    }
    return "a bean of the application's, or none";
  }

  private static int atLeastOne(String property, int value) {
    if (value < 1) {
      throw new NivaranConfigurationException(property, "must be at least 1 (was " + value + ")");
    }
    return value;
  }

  private static Duration positive(String property, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new NivaranConfigurationException(property, "must be positive (was " + value + ")");
    }
    return value;
  }

  private static TenantId tenant(NivaranProperties properties) {
    try {
      return TenantId.of(properties.getTenant());
    } catch (IllegalArgumentException | GrievanceException e) {
      throw new NivaranConfigurationException("nivaran.tenant", e.getMessage());
    }
  }

  /**
   * Matches when {@code nivaran.directory-file} or {@code nivaran.directory-csv} is set. Used by
   * Spring at start-up; stateless.
   */
  static final class DirectorySource extends AnyNestedCondition {
    DirectorySource() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "nivaran", name = "directory-file")
    static final class File {}

    @ConditionalOnProperty(prefix = "nivaran", name = "directory-csv")
    static final class Csv {}
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
