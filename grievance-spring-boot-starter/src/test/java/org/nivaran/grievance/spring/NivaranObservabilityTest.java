package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.observe.CommandOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The observability auto-configuration on H2: beans, conditions, and the whole observed scenario. */
class NivaranObservabilityTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class,
          NivaranObservabilityAutoConfiguration.class))
      .withPropertyValues(ObservedDistrict.properties(TestDatabases.h2Url()))
      .withPropertyValues("nivaran.allow-non-durable=an in-memory H2 test database");

  @Test
  void registrationsCommandsSweepsAndDeliveriesAreCountedTimedObservedAndShownInHealth() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(MicrometerInstrumentation.class)
          .hasSingleBean(NivaranHealthIndicator.class).hasSingleBean(OutboxAdministration.class);
      ObservedDistrict.runScenario(context);
    });
  }

  @Test
  void theOutboxCountsAreKeptForTheRefreshIntervalNotReadAtEveryScrape() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withPropertyValues("nivaran.observability.outbox-counts-refresh=1h")
        .run(context -> {
          ObservedDistrict.bindGauges(context);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("nivaran.outbox.pending").gauge().value()).isZero();
          context.getBean(Grievances.class).register(ObservedDistrict.request("energy.supply", "098765 43210"),
              Actor.agent("AGENT-17"));
          assertThat(context.getBean(OutboxAdministration.class).counts().pending()).isPositive();
          assertThat(meters.get("nivaran.outbox.pending").gauge().value()).as("kept for an hour").isZero();
        });
  }

  @Test
  void healthIsUpWithNoDeadLettersAndNoStuckComplaintsAndDownWhenTheDatabaseIsAway() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class).run(context -> {
      NivaranHealthIndicator health = context.getBean(NivaranHealthIndicator.class);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(health.health().getDetails()).containsEntry("dead", 0L).containsEntry("stuck", 0)
          .containsEntry("pending", 0L).containsEntry("database", "reachable");
      ((com.zaxxer.hikari.HikariDataSource) context.getBean(DataSource.class)).close();
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.health().getDetails()).containsEntry("database", "unreachable");
    });
  }

  @Test
  void aThresholdPassedReportsTheConfiguredStatus() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withPropertyValues("nivaran.health.status=OUT_OF_SERVICE")
        .run(context -> {
          Grievances g = context.getBean(Grievances.class);
          g.register(ObservedDistrict.request("energy.supply", "098765 43210"), Actor.agent("AGENT-17"));
          context.getBean(OutboxRelay.class).drain(); // the citizen's message dies
          assertThat(context.getBean(NivaranHealthIndicator.class).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
  }

  @Test
  void aStatusThatIsUpOrNotACapitalCodeAndAnOverlargeStuckThresholdRefuseToStartNamingTheProperty() {
    for (String bad : List.of("UP", "down", " ", "OUT OF SERVICE")) {
      runner.withUserConfiguration(ObservedDistrict.HostBeans.class).withPropertyValues("nivaran.health.status=" + bad)
          .run(context -> assertThat(context.getStartupFailure()).as(bad).rootCause()
              .isInstanceOf(NivaranConfigurationException.class)
              .hasMessageStartingWith("nivaran.health.status: must be a status code in capitals other than UP"));
    }
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withPropertyValues("nivaran.health.stuck-threshold=" + Integer.MAX_VALUE)
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessage("nivaran.health.stuck-threshold: must be from 0 to 10000, since each check reads up to that many"
                + " stuck complaints plus one (was " + Integer.MAX_VALUE + ")"));
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withPropertyValues("nivaran.health.stuck-threshold=10000", "nivaran.health.status=OUT_OF_SERVICE")
        .run(context -> assertThat(context.getBean(NivaranHealthIndicator.class).health().getStatus())
            .isEqualTo(Status.UP));
  }

  @Test
  void aFailureThatIsNotTheDatabasesIsDownWithoutCallingTheDatabaseUnreachable() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class).run(context -> {
      NivaranOutboxCounts failing = org.mockito.Mockito.mock(NivaranOutboxCounts.class);
      org.mockito.Mockito.when(failing.counts()).thenThrow(new IllegalStateException("not the database"));
      var health = new NivaranHealthIndicator(context.getBean(Grievances.class), failing,
          context.getBean(NivaranHealthProperties.class)).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("database", "answered")
          .containsEntry("error", IllegalStateException.class.getName());
    });
  }

  @Test
  void aHostsOwnInstrumentationReplacesTheMicrometerOneAndIsGivenToGrievances() {
    List<CommandOutcome> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withBean(Instrumentation.class, () -> new Instrumentation() {
          @Override
          public void commanded(CommandOutcome outcome) {
            seen.add(outcome);
          }
        })
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerInstrumentation.class);
          Grievances g = context.getBean(Grievances.class);
          var c = g.register(ObservedDistrict.request("energy.supply", "098765 43210"), Actor.agent("AGENT-17"));
          g.execute(c.id(), new org.nivaran.grievance.complaint.ComplaintCommand.Resolve("ठीक किया", List.of()),
              Actor.officer("CSPDCL-4410", org.nivaran.grievance.actor.PostId.of("AE-RAIPUR")));
          assertThat(seen).extracting(CommandOutcome::result).containsExactly(CommandOutcome.Result.DONE);
        });
  }

  @Test
  void withoutAMeterRegistryThereIsNoInstrumentationButStillHealth() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class,
            NivaranObservabilityAutoConfiguration.class))
        .withPropertyValues(ObservedDistrict.properties(TestDatabases.h2Url()))
        .withPropertyValues("nivaran.allow-non-durable=an in-memory H2 test database")
        .withBean(org.nivaran.grievance.escalation.EscalationPolicies.class, () -> new ObservedDistrict.HostBeans().policies())
        .withBean(org.nivaran.grievance.notify.Notifier.class, () -> n -> { })
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(Instrumentation.class)
              .hasSingleBean(NivaranHealthIndicator.class);
        });
  }

  @Test
  void withoutActuatorOrWithMetricsOffThoseBeansStayAway() {
    runner.withUserConfiguration(ObservedDistrict.HostBeans.class)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .withPropertyValues("nivaran.observability.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(NivaranHealthIndicator.class)
              .doesNotHaveBean(Instrumentation.class).hasSingleBean(SimpleMeterRegistry.class);
        });
  }
}
