package org.nivaran.grievance.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * A host's instrumentation that throws, swallows, skips or repeats the work never breaks or
 * corrupts a command: the command runs exactly once and the caller gets its own result or
 * exception.
 */
class InstrumentationFailureTest {
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", District.AE);
  private static final ComplaintCommand RESOLVE = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());

  private final MutableClock clock =
      new MutableClock(InstrumentationTest.ist(2024, 3, 19, 11, 0));
  private final AtomicInteger observed = new AtomicInteger();

  private Grievances with(Instrumentation instrumentation) {
    return District.grievances(new InMemoryComplaintStore(), clock).instrumentation(instrumentation).build();
  }

  private Complaint registered(Grievances g) {
    return g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
        Fixtures.AGENT);
  }

  /** Runs the command through an instrumentation and checks it was stored once, as without one. */
  private void resolvesOnceThrough(Instrumentation instrumentation) {
    Grievances g = with(instrumentation);
    Complaint c = registered(g);
    long before = g.get(c.id()).version();
    Complaint after = g.execute(c.id(), RESOLVE, AE_VERMA);
    assertThat(after.status()).isEqualTo(Status.RESOLVED);
    assertThat(g.get(c.id())).isEqualTo(after);
    assertThat(g.history(c.id()).stream().filter(e -> e instanceof org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled))
        .hasSize(1);
    assertThat(after.version()).isGreaterThan(before);
  }

  @Test
  void an_observe_that_throws_before_the_work_leaves_the_work_to_run_unobserved() {
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        observed.incrementAndGet();
        throw new IllegalStateException("tracer down");
      }
    });
    assertThat(observed).hasPositiveValue();
  }

  @Test
  void an_observe_that_throws_after_the_work_leaves_its_result_to_the_caller() {
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        work.run();
        throw new IllegalStateException("exporter full");
      }
    });
  }

  @Test
  void an_observe_that_skips_the_work_or_runs_it_twice_still_runs_it_once() {
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        observed.incrementAndGet();
      }
    });
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        work.run();
        work.run();
      }
    });
    assertThat(observed).hasPositiveValue();
  }

  @Test
  void report_methods_that_throw_are_dropped() {
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void registered(RegistrationOutcome outcome) {
        throw new IllegalStateException("meter registry closed");
      }

      @Override
      public void commanded(CommandOutcome outcome) {
        throw new IllegalStateException("meter registry closed");
      }
    });
  }

  @Test
  void an_observe_that_swallows_a_refusal_does_not_hide_it_from_the_caller() {
    Grievances g = with(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        try {
          work.run();
        } catch (RuntimeException swallowed) {
          observed.incrementAndGet();
        }
      }
    });
    Complaint c = registered(g);
    g.execute(c.id(), RESOLVE, AE_VERMA);
    assertThatThrownBy(() -> g.execute(c.id(), RESOLVE, AE_VERMA)).isInstanceOf(IllegalTransitionException.class);
    assertThat(observed).hasValue(1);
  }

  @Test
  void a_sweep_under_a_throwing_instrumentation_still_escalates() {
    Grievances g = with(new Instrumentation() {
      @Override
      public void escalated(EscalationOutcome outcome) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void swept(SweepOutcome outcome) {
        throw new IllegalStateException("boom");
      }
    });
    Complaint c = registered(g);
    clock.set(InstrumentationTest.ist(2024, 3, 30, 9, 0));
    assertThat(g.escalator().sweep().outcomes()).hasSize(1);
    assertThat(g.get(c.id()).post()).contains(District.EE);
  }

  @Test
  void an_error_of_the_instrumentation_after_the_work_does_not_hide_the_stored_command() {
    resolvesOnceThrough(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        work.run();
        throw new NoClassDefFoundError("io/tracer/Span");
      }

      @Override
      public void commanded(CommandOutcome outcome) {
        throw new AssertionError("a host's assertion");
      }
    });
  }

  @Test
  void a_virtual_machine_error_of_the_instrumentation_propagates() {
    Instrumented instrumented = Instrumented.by(new Instrumentation() {
      @Override
      public void observe(Operation operation, Runnable work) {
        throw new StackOverflowError("host");
      }
    });
    AtomicInteger ran = new AtomicInteger();
    assertThatThrownBy(() -> instrumented.call(Operation.sweep(org.nivaran.grievance.tenant.TenantId.DEFAULT),
        ran::incrementAndGet)).isInstanceOf(StackOverflowError.class);
    assertThat(ran).hasValue(0);
  }

  @Test
  void the_no_op_instrumentation_runs_the_work_directly() {
    assertThat(Instrumented.by(Instrumentation.none()).call(Operation.sweep(org.nivaran.grievance.tenant.TenantId.DEFAULT),
        () -> "done")).isEqualTo("done");
  }
}
