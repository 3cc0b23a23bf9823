package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.nivaran.grievance.tck.SampleDistrict;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * On PostgreSQL, with Flyway running, the starter adds the store's own versioned files
 * ({@code classpath:db/nivaran/postgresql}) to Flyway's locations instead of running its installer,
 * and the store works on the tables Flyway made.
 */
class FlywayOnPostgresTest {
  private static String schema;

  @BeforeAll
  static void createSchema() {
    schema = TestDatabases.createPostgresSchema();
  }

  @AfterAll
  static void dropSchema() {
    TestDatabases.dropPostgresSchema(schema);
  }

  @Test
  void flywayInstallsTheStoresSchemaAndTheStarterUsesIt() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            NivaranFlywayConfiguration.class, NivaranAutoConfiguration.class))
        .withBean(org.nivaran.grievance.directory.Directory.class, SampleDistrict::directory)
        .withBean(org.nivaran.grievance.calendar.CalendarRegistry.class,
            () -> org.nivaran.grievance.calendar.CalendarRegistry.of(SampleDistrict.ROUND_THE_CLOCK))
        .withBean(org.nivaran.grievance.escalation.EscalationPolicies.class,
            () -> org.nivaran.grievance.escalation.EscalationPolicies.of(SampleDistrict.LADDER))
        .withBean(Notifier.class, RecordingNotifier::new)
        .withPropertyValues(
            "spring.datasource.url=" + TestDatabases.postgresUrl(schema),
            "spring.datasource.username=" + TestDatabases.PG_USER,
            "spring.datasource.password=" + TestDatabases.PG_PASSWORD,
            "nivaran.id-prefix=RPR")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(NivaranAutoConfiguration.NivaranSchema.class);
          List<String> versions = new ArrayList<>();
          try (Connection c = context.getBean(DataSource.class).getConnection();
              ResultSet rs = c.createStatement().executeQuery(
                  "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
              versions.add(rs.getString(1));
            }
          }
          assertThat(versions).containsExactly("1", "2");
          Grievances g = context.getBean(Grievances.class);
          Complaint c = g.register(SampleDistrict.request(1), SampleDistrict.AGENT);
          assertThat(context.getBean(JdbcComplaintStore.class).find(g.tenant(), c.id())).contains(c);
          assertThat(c.description()).isEqualTo(SampleDistrict.request(1).description());
        });
  }
}
