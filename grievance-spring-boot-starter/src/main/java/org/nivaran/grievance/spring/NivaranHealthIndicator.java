package org.nivaran.grievance.spring;

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
 *   <li>{@code DOWN} with the exception's type when the database does not answer (the stuck list is
 *       read at every check, an index lookup);
 *   <li>{@code nivaran.health.status} ({@code DOWN} by default) when the dead messages are more than
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
    if (properties.getStuckThreshold() < 0 || properties.getDeadLettersThreshold() < 0) {
      throw new NivaranConfigurationException("nivaran.health", "the thresholds must not be negative (were stuck "
          + properties.getStuckThreshold() + ", dead letters " + properties.getDeadLettersThreshold() + ")");
    }
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
          .withDetail("database", "unreachable").withDetail("error", e.getClass().getName()).build();
    }
    boolean tooManyDead = counts.dead() > properties.getDeadLettersThreshold();
    boolean tooManyStuck = stuck > properties.getStuckThreshold();
    Health.Builder health = tooManyDead || tooManyStuck ? Health.status(new Status(properties.getStatus())) : Health.up();
    return health.withDetail("tenant", grievances.tenant().value())
        .withDetail("database", "reachable")
        .withDetail("pending", counts.pending())
        .withDetail("dead", counts.dead())
        .withDetail("deadLettersThreshold", properties.getDeadLettersThreshold())
        .withDetail("stuck", stuck)
        .withDetail("stuckThreshold", properties.getStuckThreshold())
        .build();
  }
}
