package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxCounts;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.nivaran.grievance.tck.SampleDistrict;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two application contexts (two nodes) on one PostgreSQL schema, each with the escalator and the
 * relay scheduled every 50 ms and a notifier of its own, with the real JDBC store: complaints
 * registered on both fall due when the shared controllable clock passes their L1 deadline, and each
 * is escalated exactly once and each notification delivered exactly once.
 *
 * <p>{@link SampleDistrict}: the MP ladder, 7 days a level on a round-the-clock IST calendar.
 */
class TwoNodesOnPostgresTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z"); // Mon 4 March 11:00 IST
  private static final int COMPLAINTS = 12;
  private static final MutableClock CLOCK = new MutableClock(T0);
  private static String schema;

  @BeforeAll
  static void createSchema() {
    schema = TestDatabases.createPostgresSchema();
  }

  @AfterAll
  static void dropSchema() {
    TestDatabases.dropPostgresSchema(schema);
  }

  @Configuration(proxyBeanMethods = false)
  static class District {
    @Bean
    Directory directory() {
      return SampleDistrict.directory();
    }

    @Bean
    CalendarRegistry calendars() {
      return CalendarRegistry.of(SampleDistrict.ROUND_THE_CLOCK);
    }

    @Bean
    EscalationPolicies policies() {
      return EscalationPolicies.of(SampleDistrict.LADDER);
    }

    @Bean
    Clock clock() {
      return CLOCK;
    }

    @Bean
    Notifier notifier() {
      return new RecordingNotifier();
    }
  }

  private ApplicationContextRunner node() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, NivaranAutoConfiguration.class))
        .withUserConfiguration(District.class)
        .withPropertyValues(
            "spring.datasource.url=" + TestDatabases.postgresUrl(schema),
            "spring.datasource.username=" + TestDatabases.PG_USER,
            "spring.datasource.password=" + TestDatabases.PG_PASSWORD,
            "spring.datasource.hikari.maximum-pool-size=4",
            "nivaran.id-prefix=RPR",
            "nivaran.zone=Asia/Kolkata",
            "nivaran.escalator.interval=50ms",
            "nivaran.relay.interval=50ms");
  }

  @Test
  void twoNodesEscalateEachComplaintOnceAndDeliverEachNotificationOnce() {
    node().run(first -> node().run(second -> {
      assertThat(first).hasNotFailed();
      assertThat(second).hasNotFailed();
      Grievances a = first.getBean(Grievances.class);
      Grievances b = second.getBean(Grievances.class);
      JdbcComplaintStore store = first.getBean(JdbcComplaintStore.class);
      OutboxAdministration outbox = OutboxAdministration.create(first.getBean(DataSource.class));

      List<Complaint> registered = new ArrayList<>();
      for (int n = 0; n < COMPLAINTS; n++) {
        registered.add((n % 2 == 0 ? a : b).register(SampleDistrict.request(n), SampleDistrict.AGENT));
      }
      assertThat(registered).extracting(Complaint::level).containsOnly(java.util.Optional.of(Level.L1));

      CLOCK.set(T0.plus(Duration.ofDays(8))); // past every L1 deadline, before any L2 one
      await("every complaint escalated to L2", () -> registered.stream()
          .allMatch(c -> store.find(a.tenant(), c.id()).flatMap(Complaint::level).equals(java.util.Optional.of(Level.L2))));
      await("the outbox delivered", () -> {
        OutboxCounts counts = outbox.counts();
        return counts.pending() == 0 && counts.sent() > 0;
      });
      Thread.sleep(300); // a few more sweeps and drains on both nodes, which must find nothing to do

      for (Complaint c : registered) {
        List<ComplaintEvent> events = store.events(a.tenant(), c.id());
        assertThat(events.stream().filter(e -> e instanceof ComplaintEvent.ComplaintEscalated))
            .as("escalations of %s", c.id()).hasSize(1);
        assertThat(store.verifyLog(c.id()).intact()).isTrue();
      }
      List<Notification> sent = new ArrayList<>(((RecordingNotifier) first.getBean(Notifier.class)).sent());
      sent.addAll(((RecordingNotifier) second.getBean(Notifier.class)).sent());
      Set<String> ids = new HashSet<>();
      sent.forEach(n -> assertThat(ids.add(n.id())).as("delivered once: %s", n.id()).isTrue());
      OutboxCounts counts = outbox.counts();
      assertThat(counts.dead()).isZero();
      assertThat((long) sent.size()).isEqualTo(counts.sent());
      assertThat(sent).anyMatch(n -> n.kind().name().equals("ESCALATED_TO_YOU"));
    }));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(25);
    }
  }
}
