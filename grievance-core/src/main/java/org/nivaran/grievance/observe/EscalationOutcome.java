package org.nivaran.grievance.observe;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.tenant.TenantId;

/**
 * One action of an escalation sweep, for {@link Instrumentation#escalated}: an entry of the sweep's
 * {@code EscalationReport}, and whether it records an SLA breach.
 *
 * <h2>What counts as an SLA breach</h2>
 *
 * <p>A breach is a deadline of the complaint's SLA that the sweep finds passed, counted once, when
 * first acted on:
 *
 * <ul>
 *   <li>{@link SlaBreach#RESOLUTION} for every level whose resolution time ran out: an
 *       {@code ESCALATED} of the due list (a late sweep that moves a complaint up three levels
 *       records three), a {@code BLOCKED} (the escalation could not happen), an
 *       {@code OVERDUE_AT_TOP}, and a {@code RESTARTED_AT_TOP} (the top rung's time ran out and
 *       its clock starts again);
 *   <li>{@link SlaBreach#FIRST_RESPONSE} for a {@code FIRST_RESPONSE_MISSED}.
 * </ul>
 *
 * <p>No breach: an {@code ESCALATED} that moves a complaint off the stuck list (its breach was
 * recorded when it was {@code BLOCKED}), an {@code ESCALATED} that follows a
 * {@code FIRST_RESPONSE_MISSED} of the same complaint (the first-response policy's consequence of
 * that breach), the special-closure approval deadlines ({@code SPECIAL_CLOSURE_ESCALATED},
 * {@code SPECIAL_CLOSURE_OVERDUE}: an officers' deadline, not the citizen's SLA) and
 * {@code FAILED} (nothing was recorded; the next sweep finds the complaint due again).
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose complaint
 * @param action the name of the {@code EscalationReport.Action} ({@code ESCALATED}, {@code BLOCKED},
 *     {@code OVERDUE_AT_TOP}, {@code RESTARTED_AT_TOP}, {@code FIRST_RESPONSE_MISSED},
 *     {@code SPECIAL_CLOSURE_ESCALATED}, {@code SPECIAL_CLOSURE_OVERDUE}, {@code FAILED})
 * @param from the level the complaint was at
 * @param breach the SLA breach this action records, if any (see above)
 */
public record EscalationOutcome(TenantId tenant, String action, Level from, Optional<SlaBreach> breach) {
  /**
   * Checks the parts.
   *
   * @param tenant whose complaint
   * @param action the action's name
   * @param from the level it was at
   * @param breach the breach it records, if any
   * @throws NullPointerException if one is null
   */
  public EscalationOutcome {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(breach, "breach");
  }
}
