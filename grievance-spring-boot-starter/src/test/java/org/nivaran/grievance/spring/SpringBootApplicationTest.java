package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.nivaran.grievance.tck.SampleDistrict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application with auto-configuration switched on, as a host has it: the starter
 * is found through its {@code AutoConfiguration.imports} entry and gives an injectable, working
 * {@link Grievances} on H2 with nothing but properties and the district's beans.
 */
@SpringBootTest(classes = SpringBootApplicationTest.Application.class)
class SpringBootApplicationTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {
    @Bean
    org.nivaran.grievance.directory.Directory directory() {
      return SampleDistrict.directory();
    }

    @Bean
    org.nivaran.grievance.calendar.CalendarRegistry calendars() {
      return org.nivaran.grievance.calendar.CalendarRegistry.of(SampleDistrict.ROUND_THE_CLOCK);
    }

    @Bean
    org.nivaran.grievance.escalation.EscalationPolicies policies() {
      return org.nivaran.grievance.escalation.EscalationPolicies.of(SampleDistrict.LADDER);
    }

    @Bean
    Notifier notifier() {
      return new RecordingNotifier();
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabases::h2Url);
    registry.add("nivaran.allow-non-durable", () -> "an in-memory H2 test database");
    registry.add("nivaran.id-prefix", () -> "RPR");
  }

  @Autowired
  Grievances grievances;

  @Autowired
  JdbcComplaintStore store;

  @Autowired
  NivaranSchedules schedules;

  @Test
  void theStarterIsFoundByAutoConfigurationAndWorks() {
    Complaint c = grievances.register(SampleDistrict.request(4), SampleDistrict.AGENT);
    assertThat(c.id().value()).startsWith("RPR-");
    assertThat(store.find(grievances.tenant(), c.id())).contains(c);
    assertThat(schedules.isRunning()).isTrue();
    assertThat(schedules.sweeps()).isTrue();
  }
}
