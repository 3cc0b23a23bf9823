package org.nivaran.grievance.spring;

import java.time.Duration;

/** The escalator's schedule ({@code nivaran.escalator.*}) in {@link NivaranProperties}. Not thread-safe while bound. */
public class EscalatorProperties {
  /** Whether this node sweeps for due complaints; safe on any number of nodes. */
  private boolean enabled = true;
  /** The pause between the end of one sweep and the start of the next. */
  private Duration interval = Duration.ofMinutes(1);
  /** The most due complaints one claim takes; a sweep claims batch after batch until none are due. */
  private int batchSize = 500;
  /**
   * How long claimed complaints stay with this node before another may claim them; longer than a
   * batch takes.
   */
  private Duration lease = Duration.ofMinutes(5);

  /** Creates the defaults. */
  public EscalatorProperties() {}

  /**
   * The most due complaints per claim.
   *
   * @return the batch size
   */
  public int getBatchSize() {
    return batchSize;
  }

  /**
   * Sets the most due complaints per claim.
   *
   * @param batchSize the batch size, at least 1
   */
  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * The claim lease.
   *
   * @return the lease
   */
  public Duration getLease() {
    return lease;
  }

  /**
   * Sets the claim lease.
   *
   * @param lease the lease, positive
   */
  public void setLease(Duration lease) {
    this.lease = lease;
  }

  /**
   * Whether the escalator runs.
   *
   * @return true to run
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the escalator runs.
   *
   * @param enabled true to run
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The pause between sweeps.
   *
   * @return the interval
   */
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets the pause between sweeps.
   *
   * @param interval the interval, positive
   */
  public void setInterval(Duration interval) {
    this.interval = interval;
  }
}
