package org.nivaran.grievance.spring;

import java.sql.SQLException;
import java.util.Objects;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.jdbc.OutboxCounts;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code nivaran} health indicator: whether the database answers, and whether dead outbox
 * messages or stuck complaints have piled up.
 *
 * <ul>
 *   <li>{@code DOWN} with the exception's type when the stuck list or the outbox counts cannot be
 *       read ({@code database}: {@code unreachable} when the failure is the database's, else
 *       {@code answered}); the stuck list is read at every check (an index lookup of at most
 *       {@code stuck-threshold + 1} complaints, so the threshold is at most
 *       {@value #MAX_STUCK_THRESHOLD});
 *   <li>{@code nivaran.health.status} ({@code DOWN} by default; a status code in capitals other than
 *       {@code UP}, checked at start-up) when the dead messages are more than
 *       {@code nivaran.health.dead-letters-threshold}, or the stuck complaints (escalation blocked,
 *       {@link Grievances#stuck}) more than {@code nivaran.health.stuck-threshold};
 *   <li>{@code UP} otherwise.
 * </ul>
 *
 * <p>Details: {@code tenant}, {@code pending} and {@code dead} (outbox messages, as kept by
 * {@link NivaranOutboxCounts}), {@code stuck} (counted up to the threshold plus one), and the two
 * thresholds. Counts only: never a complaint, a number or a name.
 *
 * <p>Thread-safe.
 */
public final class NivaranHealthIndicator implements HealthIndicator {
  private final Grievances grievances;
  private final NivaranOutboxCounts outbox;
  private final NivaranHealthProperties properties;
  private final Status status;

  /** The largest stuck threshold: a check reads up to that many stuck complaints plus one. */
  public static final int MAX_STUCK_THRESHOLD = 10_000;

  /**
   * An indicator over a tenant's complaints and outbox.
   *
   * @param grievances the application's grievances (the stuck list)
   * @param outbox the outbox counts
   * @param properties the thresholds and the status
   */
  public NivaranHealthIndicator(Grievances grievances, NivaranOutboxCounts outbox, NivaranHealthProperties properties) {
    this.grievances = Objects.requireNonNull(grievances, "grievances");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.properties = Objects.requireNonNull(properties, "properties");
    if (properties.getStuckThreshold() < 0 || properties.getStuckThreshold() > MAX_STUCK_THRESHOLD) {
      throw new NivaranConfigurationException("nivaran.health.stuck-threshold", "must be from 0 to "
          + MAX_STUCK_THRESHOLD + ", since each check reads up to that many stuck complaints plus one (was "
          + properties.getStuckThreshold() + ")");
    }
    if (properties.getDeadLettersThreshold() < 0) {
      throw new NivaranConfigurationException("nivaran.health.dead-letters-threshold", "must not be negative (was "
          + properties.getDeadLettersThreshold() + ")");
    }
    String code = properties.getStatus() == null ? "" : properties.getStatus().strip();
    if (!code.matches("[A-Z][A-Z_]*") || code.equals(Status.UP.getCode())) {
      throw new NivaranConfigurationException("nivaran.health.status", "must be a status code in capitals other than"
          + " UP, such as DOWN or OUT_OF_SERVICE (was '" + properties.getStatus() + "')");
    }
    this.status = new Status(code);
  }

  @Override
  public Health health() {
    int stuck;
    OutboxCounts counts;
    try {
      stuck = grievances.stuck(properties.getStuckThreshold() + 1).size();
      counts = outbox.counts();
    } catch (RuntimeException e) {
      return Health.down().withDetail("tenant", grievances.tenant().value())
          .withDetail("database", databaseFailure(e) ? "unreachable" : "answered")
          .withDetail("error", e.getClass().getName()).build();
    }
    boolean tooManyDead = counts.dead() > properties.getDeadLettersThreshold();
    boolean tooManyStuck = stuck > properties.getStuckThreshold();
    Health.Builder health = tooManyDead || tooManyStuck ? Health.status(status) : Health.up();
    return health.withDetail("tenant", grievances.tenant().value())
        .withDetail("database", "reachable")
        .withDetail("pending", counts.pending())
        .withDetail("dead", counts.dead())
        .withDetail("deadLettersThreshold", properties.getDeadLettersThreshold())
        .withDetail("stuck", stuck)
        .withDetail("stuckThreshold", properties.getStuckThreshold())
        .build();
  }

  /** Whether a failure came from the database (an {@link SQLException} in its causes). */
  private static boolean databaseFailure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException) {
        return true;
      }
    }
    return false;
  }
}
