package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The observed scenario of {@link ObservedDistrict} on real PostgreSQL. */
class ObservabilityOnPostgresTest {
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
  void registrationsCommandsSweepsAndDeliveriesAreObservedOnPostgres() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class,
            NivaranObservabilityAutoConfiguration.class))
        .withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withPropertyValues(ObservedDistrict.properties(TestDatabases.postgresUrl(schema)))
        .withPropertyValues(
            "spring.datasource.username=" + TestDatabases.PG_USER,
            "spring.datasource.password=" + TestDatabases.PG_PASSWORD,
            "nivaran.tenant=cg-raipur")
        .run(context -> {
          assertThat(context).hasNotFailed();
          ObservedDistrict.runScenario(context);
        });
  }
}
