package org.nivaran.grievance.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.observe.EscalationOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.observe.Instrumented;
import org.nivaran.grievance.observe.Operation;
import org.nivaran.grievance.observe.SlaBreach;
import org.nivaran.grievance.observe.SweepOutcome;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The {@link Escalator}'s sweeps under the host's {@link Instrumentation}: each sweep one observed
 * operation, each action reported with the SLA breach it records (the rules are
 * {@link EscalationOutcome}'s), then the sweep's duration. Thread-safe if the instrumentation is.
 */
final class SweepObserver {
  private final TenantId tenant;
  private final Instrumented instrumented;

  SweepObserver(TenantId tenant, Instrumentation instrumentation) {
    this.tenant = tenant;
    this.instrumented = Instrumented.by(instrumentation);
  }

  /** Runs a sweep as one operation, reporting how long it took and how many actions it took. */
  EscalationReport sweep(Supplier<EscalationReport> sweep) {
    return instrumented.call(Operation.sweep(tenant), () -> {
      long started = System.nanoTime();
      EscalationReport report;
      try {
        report = sweep.get();
      } catch (RuntimeException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        instrumented.report(i -> i.swept(new SweepOutcome(tenant, took, 0, false)));
        throw e;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      instrumented.report(i -> i.swept(new SweepOutcome(tenant, took, report.outcomes().size(), true)));
      return report;
    });
  }

  /**
   * Reports what a sweep did to one complaint, each action with the SLA breach it records.
   *
   * @param stuckRetry whether the complaint came off the stuck list (its breach was recorded when
   *     it was blocked)
   */
  void acted(List<Outcome> forOne, boolean stuckRetry) {
    for (int n = 0; n < forOne.size(); n++) {
      Outcome o = forOne.get(n);
      boolean followsFirstResponseMiss = n > 0 && forOne.get(n - 1).action() == Action.FIRST_RESPONSE_MISSED;
      Optional<SlaBreach> breach = switch (o.action()) {
        case FIRST_RESPONSE_MISSED -> Optional.of(SlaBreach.FIRST_RESPONSE);
        case BLOCKED, OVERDUE_AT_TOP, RESTARTED_AT_TOP -> Optional.of(SlaBreach.RESOLUTION);
        case ESCALATED -> stuckRetry || followsFirstResponseMiss ? Optional.empty() : Optional.of(SlaBreach.RESOLUTION);
        default -> Optional.empty();
      };
      EscalationOutcome reported = new EscalationOutcome(tenant, o.action().name(), o.from(), breach);
      instrumented.report(i -> i.escalated(reported));
    }
  }
}
