package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's beans, conditions, properties and start-up refusals, on H2. */
class NivaranAutoConfigurationTest {
  private static final Path DIRECTORY = Path.of("src/test/resources/nivaran/directory.json").toAbsolutePath();
  private static final Path BAD_DIRECTORY =
      Path.of("src/test/resources/nivaran/directory-bad-reference.json").toAbsolutePath();
  private static final Path CALENDARS = Path.of("src/test/resources/nivaran/calendars.json").toAbsolutePath();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class))
      .withPropertyValues(
          "spring.datasource.url=" + TestDatabases.h2Url(),
          "nivaran.allow-non-durable=an in-memory H2 test database",
          "nivaran.id-prefix=RPR",
          "nivaran.directory-file=" + DIRECTORY,
          "nivaran.calendars-file=" + CALENDARS);

  @Configuration(proxyBeanMethods = false)
  static class HostBeans {
    @Bean
    EscalationPolicies policies() {
      return EscalationPolicies.of(LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE"));
    }

    @Bean
    Notifier notifier() {
      return new RecordingNotifier();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class HostClock {
    static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

    @Bean
    Clock testClock() {
      return new MutableClock(T0);
    }
  }

  private static RegisterComplaint request(String phone) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(org.nivaran.grievance.complaint.Complainant.of("सुनीता वर्मा", phone, "hi"))
        .categoryCode("energy.supply")
        .jurisdictionCode("RAIPUR-W12")
        .description("तीन दिन से बिजली नहीं है")
        .build();
  }

  @Test
  void theFilesAndTheDataSourceGiveAWorkingGrievancesWithEveryBean() {
    runner.withUserConfiguration(HostBeans.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(JdbcComplaintStore.class).hasSingleBean(JdbcIdScheme.class)
          .hasSingleBean(OutboxRelay.class).hasSingleBean(NivaranAutoConfiguration.NivaranSchema.class);
      assertThat(context.getBean(NivaranAutoConfiguration.NivaranSchema.class).applied())
          .containsExactly("V1__nivaran_store.sql", "V2__nivaran_tenants.sql");
      assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
      NivaranSchedules schedules = context.getBean(NivaranSchedules.class);
      assertThat(schedules.isRunning()).isTrue();
      assertThat(schedules.sweeps()).isTrue();
      assertThat(schedules.relays()).isTrue();

      Grievances g = context.getBean(Grievances.class);
      Complaint c = g.register(request("098765 43210"), Actor.agent("AGENT-17"));
      assertThat(c.id().value()).startsWith("RPR-");
      assertThat(c.post().map(p -> p.code())).contains("AE-RAIPUR");
      assertThat(c.description()).isEqualTo("तीन दिन से बिजली नहीं है");
      assertThat(context.getBean(JdbcComplaintStore.class).find(g.tenant(), c.id())).contains(c);
    });
  }

  @Test
  void theHostsClockReplacesTheSystemClock() {
    runner.withUserConfiguration(HostBeans.class, HostClock.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Clock.class);
      assertThat(context.getBean(Clock.class)).isInstanceOf(MutableClock.class);
      Complaint c = context.getBean(Grievances.class).register(request("098765 43211"), Actor.agent("AGENT-17"));
      assertThat(c.registeredAt()).isEqualTo(HostClock.T0);
      assertThat(c.id().value()).startsWith("RPR-2024-");
    });
  }

  @Test
  void withoutANotifierTheContextRefusesToStartSayingHowToFixIt() {
    runner.withBean(EscalationPolicies.class,
            () -> EscalationPolicies.of(LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE")))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause()
              .isInstanceOf(NivaranConfigurationException.class)
              .hasMessageContaining("nivaran.relay.logging-notifier")
              .hasMessageContaining("no Notifier bean");
        });
  }

  @Test
  void aLoggingNotifierStandsInOnlyWhenTheHostOptsIn() {
    runner.withBean(EscalationPolicies.class,
            () -> EscalationPolicies.of(LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE")))
        .withPropertyValues("nivaran.relay.logging-notifier=true")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class).doesNotHaveBean(Notifier.class);
          Complaint c = context.getBean(Grievances.class).register(request("098765 43212"), Actor.agent("A"));
          assertThat(c.id().value()).startsWith("RPR-");
        });
  }

  @Test
  void aDirectoryWithABadReferenceRefusesToStartNamingTheFileTheFieldAndTheReference() {
    runner.withUserConfiguration(HostBeans.class)
        .withPropertyValues("nivaran.directory-file=" + BAD_DIRECTORY)
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          NivaranConfigurationException e = findCause(failure, NivaranConfigurationException.class);
          assertThat(e.property()).isEqualTo("nivaran.directory-file");
          assertThat(e).hasMessageContaining(BAD_DIRECTORY.toString())
              .hasMessageContaining("reportsTo")
              .hasMessageContaining("XEN-NOWHERE");
          assertThat(e.getCause()).isNotNull();
        });
  }

  @Test
  void aMissingCalendarsFileRefusesToStartNamingThePropertyAndTheFile() {
    Path missing = Path.of("no-such-calendars.json").toAbsolutePath();
    runner.withUserConfiguration(HostBeans.class)
        .withPropertyValues("nivaran.calendars-file=" + missing)
        .run(context -> {
          NivaranConfigurationException e = findCause(context.getStartupFailure(), NivaranConfigurationException.class);
          assertThat(e).hasMessageContaining("nivaran.calendars-file").hasMessageContaining(missing.toString());
        });
  }

  @Test
  void aCategoryNamingAPolicyNotConfiguredRefusesToStartNamingThePolicy() {
    runner.withBean(Notifier.class, RecordingNotifier::new).run(context -> {
      NivaranConfigurationException e = findCause(context.getStartupFailure(), NivaranConfigurationException.class);
      assertThat(e).hasMessageContaining("cg-7d-per-level").hasMessageContaining(DIRECTORY.toString());
    });
  }

  @Test
  void schedulesCanBeTurnedOffAndABadIntervalIsRefused() {
    runner.withUserConfiguration(HostBeans.class)
        .withPropertyValues("nivaran.escalator.enabled=false", "nivaran.relay.enabled=false")
        .run(context -> {
          NivaranSchedules schedules = context.getBean(NivaranSchedules.class);
          assertThat(schedules.sweeps()).isFalse();
          assertThat(schedules.relays()).isFalse();
        });
    runner.withUserConfiguration(HostBeans.class)
        .withPropertyValues("nivaran.escalator.interval=-1s")
        .run(context -> {
          NivaranConfigurationException e = findCause(context.getStartupFailure(), NivaranConfigurationException.class);
          assertThat(e.property()).isEqualTo("nivaran.escalator.interval");
        });
  }

  @Test
  void theSchedulesStopWhenTheContextCloses() {
    NivaranSchedules[] seen = new NivaranSchedules[1];
    runner.withUserConfiguration(HostBeans.class).run(context -> {
      seen[0] = context.getBean(NivaranSchedules.class);
      assertThat(seen[0].isRunning()).isTrue();
    });
    assertThat(seen[0].isRunning()).isFalse();
  }

  @Test
  void withFlywayTheStoresFolderIsAFlywayLocationAndTheInstallerStaysOff() {
    runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, NivaranFlywayConfiguration.class))
        .withUserConfiguration(HostBeans.class)
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(NivaranAutoConfiguration.NivaranSchema.class);
          try (Connection c = context.getBean(DataSource.class).getConnection();
              ResultSet rs = c.createStatement().executeQuery(
                  "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2");
            assertThat(rs.next()).isFalse();
          }
          Complaint c = context.getBean(Grievances.class).register(request("098765 43213"), Actor.agent("A"));
          assertThat(c.id().value()).startsWith("RPR-");
        });
  }

  @Test
  void schemaInstallFalseLeavesTheSchemaToTheHost() {
    runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, NivaranFlywayConfiguration.class))
        .withUserConfiguration(HostBeans.class)
        .withPropertyValues("nivaran.schema.install=false", "spring.flyway.enabled=false",
            "nivaran.escalator.enabled=false", "nivaran.relay.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(NivaranAutoConfiguration.NivaranSchema.class)
              .doesNotHaveBean("nivaranFlywayLocations");
          try (Connection c = context.getBean(DataSource.class).getConnection();
              ResultSet rs = c.getMetaData().getTables(null, null, "NIVARAN_COMPLAINT", null)) {
            assertThat(rs.next()).as("no store tables").isFalse();
          }
        });
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    assertThat(t).as("the context should have failed").isNotNull();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + t, t);
  }
}
