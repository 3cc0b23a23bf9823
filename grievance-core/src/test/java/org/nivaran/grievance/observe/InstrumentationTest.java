package org.nivaran.grievance.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The instrumentation SPI wired through {@code Grievances} and its escalator on the in-memory
 * store: each registration, command and sweep observed as one operation, its outcome reported
 * inside it, with the refusal's rule and the SLA breaches.
 */
class InstrumentationTest {
  private static final TenantId DURG = TenantId.of("cg-durg");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", District.AE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final RecordingInstrumentation recorded = new RecordingInstrumentation();
  private final Grievances grievances = District.grievances(new InMemoryComplaintStore(), clock)
      .tenant(DURG).instrumentation(recorded).build();

  static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private static RegisterComplaint request(String category, Optional<String> key) {
    RegisterComplaint.Builder b = Fixtures.requestBuilder().categoryCode(category).jurisdictionCode("WARD-12")
        .channel(Channel.WHATSAPP);
    key.ifPresent(b::idempotencyKey);
    return b.build();
  }

  @Test
  void a_registration_is_one_operation_reported_inside_it_as_registered_then_as_returned_existing_on_a_retry() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", Optional.of("call-1")), Fixtures.AGENT);
    grievances.register(request("ENERGY.SUPPLY", Optional.of("call-1")), Fixtures.AGENT);

    assertThat(recorded.seen).containsExactly(
        "start REGISTRATION",
        new RegistrationOutcome(DURG, Channel.WHATSAPP, RegistrationOutcome.Result.REGISTERED, Optional.empty(),
            Optional.of(c.id())),
        "end REGISTRATION",
        "start REGISTRATION",
        new RegistrationOutcome(DURG, Channel.WHATSAPP, RegistrationOutcome.Result.RETURNED_EXISTING, Optional.empty(),
            Optional.of(c.id())),
        "end REGISTRATION");
    assertThat(recorded.seen.toString()).doesNotContain(Fixtures.CITIZEN_PHONE.substring(3));
  }

  @Test
  void a_refused_registration_is_reported_refused_with_its_rule_and_still_throws() {
    assertThatThrownBy(() -> grievances.register(request("NO.SUCH", Optional.empty()), Fixtures.AGENT))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> grievances.register(request("ENERGY.SUPPLY", Optional.empty()), Fixtures.OTHER_CITIZEN))
        .isInstanceOf(org.nivaran.grievance.complaint.ActorNotPermittedException.class);

    assertThat(recorded.of(RegistrationOutcome.class)).extracting(RegistrationOutcome::result, RegistrationOutcome::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RegistrationOutcome.Result.REFUSED, Optional.of("INVALID_INPUT")),
            org.assertj.core.groups.Tuple.tuple(RegistrationOutcome.Result.REFUSED, Optional.of("CITIZEN_OWNS_COMPLAINT")));
  }

  @Test
  void a_command_is_reported_done_and_a_refused_one_with_its_rule() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", Optional.empty()), Fixtures.AGENT);
    recorded.seen.clear();
    ComplaintCommand.Resolve resolve = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());

    grievances.execute(c.id(), resolve, AE_VERMA);
    assertThatThrownBy(() -> grievances.execute(c.id(), resolve, AE_VERMA))
        .isInstanceOf(IllegalTransitionException.class);

    assertThat(recorded.seen).containsExactly(
        "start COMMAND", CommandOutcome.done(DURG, CommandType.RESOLVE), "end COMMAND",
        "start COMMAND", new CommandOutcome(DURG, CommandType.RESOLVE, CommandOutcome.Result.REFUSED,
            Optional.of("ILLEGAL_TRANSITION")), "end COMMAND");
  }

  @Test
  void a_sweep_reports_an_escalation_and_a_blocked_one_as_breaches_and_its_duration() {
    grievances.register(request("ENERGY.SUPPLY", Optional.empty()), Fixtures.AGENT); // AE, then EE above
    grievances.register(request("REVENUE.LAND", Optional.empty()), Fixtures.AGENT); // tehsildar, nobody above
    recorded.seen.clear();

    clock.set(ist(2024, 3, 30, 9, 0)); // both L1 budgets ran out on Fri 29 Mar
    grievances.escalator().sweep();

    assertThat(recorded.seen.get(0)).isEqualTo("start SWEEP");
    assertThat(recorded.seen.get(recorded.seen.size() - 1)).isEqualTo("end SWEEP");
    assertThat(recorded.of(EscalationOutcome.class)).containsExactlyInAnyOrder(
        new EscalationOutcome(DURG, "ESCALATED", Level.L1, Optional.of(SlaBreach.RESOLUTION)),
        new EscalationOutcome(DURG, "BLOCKED", Level.L1, Optional.of(SlaBreach.RESOLUTION)));
    assertThat(recorded.of(SweepOutcome.class)).singleElement().satisfies(s -> {
      assertThat(s.tenant()).isEqualTo(DURG);
      assertThat(s.actions()).isEqualTo(2);
      assertThat(s.completed()).isTrue();
      assertThat(s.duration()).isPositive();
    });

    recorded.seen.clear();
    grievances.escalator().sweep(); // the blocked one is retried from the stuck list: still nobody above
    assertThat(recorded.of(EscalationOutcome.class)).isEmpty();
    assertThat(recorded.of(SweepOutcome.class)).singleElement().extracting(SweepOutcome::actions).isEqualTo(0);
  }
}
