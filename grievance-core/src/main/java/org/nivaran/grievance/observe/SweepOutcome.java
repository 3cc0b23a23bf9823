package org.nivaran.grievance.observe;

import java.time.Duration;
import java.util.Objects;
import org.nivaran.grievance.tenant.TenantId;

/**
 * How one escalation sweep went, for {@link Instrumentation#swept}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose complaints it swept
 * @param duration how long it ran, on the JVM's monotonic clock (not the escalator's clock, which a
 *     test may hold still)
 * @param actions the entries of its report (0 for a failed sweep)
 * @param completed false if the sweep threw (the database away, say)
 */
public record SweepOutcome(TenantId tenant, Duration duration, int actions, boolean completed) {
  /**
   * Checks the parts.
   *
   * @param tenant whose complaints it swept
   * @param duration how long it ran, not negative
   * @param actions the entries of its report, not negative
   * @param completed false if the sweep threw
   * @throws NullPointerException if one is null
   * @throws IllegalArgumentException if the duration or the count is negative
   */
  public SweepOutcome {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || actions < 0) {
      throw new IllegalArgumentException(
          "duration and actions must not be negative (were " + duration + ", " + actions + ")");
    }
  }
}
