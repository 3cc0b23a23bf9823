package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.lang.reflect.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.internal.LogContext;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * While Nivaran works on a complaint, the MDC names the tenant and the complaint, never the
 * citizen. The tests' SLF4J binding (slf4j-simple) keeps no MDC, so these tests give SLF4J a basic
 * one for their duration, as a host's logging (Logback, Log4j 2) has.
 */
class LogContextTest {
  private static MDCAdapter before;

  @BeforeAll
  static void aRealMdc() throws ReflectiveOperationException {
    Field adapter = MDC.class.getDeclaredField("MDC_ADAPTER");
    adapter.setAccessible(true);
    before = (MDCAdapter) adapter.get(null);
    adapter.set(null, new BasicMDCAdapter());
  }

  @AfterAll
  static void theBindingsMdcAgain() throws ReflectiveOperationException {
    Field adapter = MDC.class.getDeclaredField("MDC_ADAPTER");
    adapter.setAccessible(true);
    adapter.set(null, before);
  }

  private final MutableClock clock =
      new MutableClock(LocalDateTime.of(2024, 3, 19, 11, 0).atZone(District.IST).toInstant());

  /** What the MDC held each time a notification was handed over. */
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @Test
  void a_registration_and_a_command_run_with_the_tenant_and_the_complaint_in_the_mdc() {
    Grievances g = District.grievances(new InMemoryComplaintStore(), clock).tenant(TenantId.of("cg-durg"))
        .notifier(n -> seen.add(MDC.get(LogContext.TENANT) + "|" + MDC.get(LogContext.COMPLAINT) + "|" + n.kind()))
        .build();
    MDC.put(LogContext.TENANT, "the-hosts-own");

    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
        Fixtures.AGENT);
    seen.add("after registration: " + MDC.get(LogContext.TENANT));
    g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), Actor.officer("OFF-AE-1", District.AE));

    assertThat(seen).contains("cg-durg|null|REGISTERED", "after registration: the-hosts-own")
        .anyMatch(s -> s.startsWith("cg-durg|" + c.id() + "|"));
    assertThat(String.join(" ", seen)).doesNotContain(c.citizen().phone().e164().substring(3));
    assertThat(MDC.get(LogContext.TENANT)).isEqualTo("the-hosts-own");
    assertThat(MDC.get(LogContext.COMPLAINT)).isNull();
    MDC.clear();
  }

  @Test
  void scopes_nest_and_put_back_what_was_there() {
    try (LogContext outer = LogContext.of("a", java.util.Optional.of("C-1"))) {
      try (LogContext inner = LogContext.of("b", java.util.Optional.empty())) {
        assertThat(MDC.get(LogContext.TENANT)).isEqualTo("b");
        assertThat(MDC.get(LogContext.COMPLAINT)).isEqualTo("C-1");
      }
      assertThat(MDC.get(LogContext.TENANT)).isEqualTo("a");
    }
    assertThat(MDC.get(LogContext.TENANT)).isNull();
    assertThat(MDC.get(LogContext.COMPLAINT)).isNull();
  }
}
