package org.nivaran.grievance.sla;

/**
 * How urgent a complaint is. A complaint takes its category's default priority unless the agent
 * who registers it sets one; a supervisor may change it later ({@code ComplaintCommand.ChangePriority}).
 * An {@link SlaPolicy} may give each level a budget per priority ({@link SlaPolicy#budgetAt(
 * org.nivaran.grievance.actor.Level, Priority)}): a power outage in a hospital ward is not a
 * streetlight.
 *
 * <p>The constants are declared from the most to the least urgent, so {@link #compareTo} orders
 * them that way ({@code URGENT < HIGH < NORMAL < LOW}). Immutable and thread-safe.
 */
public enum Priority {
  /** Life, health or a public service at stake: the shortest budgets. */
  URGENT,
  /** Sooner than usual. */
  HIGH,
  /** The default: the level's budget. */
  NORMAL,
  /** May wait longer than usual. */
  LOW;

  /**
   * Whether this priority is more urgent than another.
   *
   * @param other the other priority
   * @return true if this one is more urgent
   */
  public boolean isMoreUrgentThan(Priority other) {
    return compareTo(java.util.Objects.requireNonNull(other, "other")) < 0;
  }
}
