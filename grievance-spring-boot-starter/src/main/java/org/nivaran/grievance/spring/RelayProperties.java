package org.nivaran.grievance.spring;

import java.time.Duration;

/** The outbox relay's schedule ({@code nivaran.relay.*}) in {@link NivaranProperties}. Not thread-safe while bound. */
public class RelayProperties {
  /** Whether this node delivers the outbox; safe on any number of nodes. */
  private boolean enabled = true;
  /** The pause between the end of one drain and the start of the next. */
  private Duration interval = Duration.ofSeconds(5);
  /** The most messages one claim takes. */
  private int batchSize = 50;
  /** How long claimed messages stay with this node before another may claim them. */
  private Duration lease = Duration.ofMinutes(1);
  /**
   * With no Notifier bean, log each message (its id only) instead of refusing to start; for
   * development only, as nothing reaches anyone.
   */
  private boolean loggingNotifier = false;

  /** Creates the defaults. */
  public RelayProperties() {}

  /**
   * Whether the relay runs.
   *
   * @return true to run
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the relay runs.
   *
   * @param enabled true to run
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The pause between drains.
   *
   * @return the interval
   */
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets the pause between drains.
   *
   * @param interval the interval, positive
   */
  public void setInterval(Duration interval) {
    this.interval = interval;
  }

  /**
   * The most messages per claim.
   *
   * @return the batch size
   */
  public int getBatchSize() {
    return batchSize;
  }

  /**
   * Sets the most messages per claim.
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
   * Whether a logging notifier stands in for a missing Notifier bean.
   *
   * @return true to log
   */
  public boolean isLoggingNotifier() {
    return loggingNotifier;
  }

  /**
   * Sets whether a logging notifier stands in for a missing Notifier bean.
   *
   * @param loggingNotifier true to log
   */
  public void setLoggingNotifier(boolean loggingNotifier) {
    this.loggingNotifier = loggingNotifier;
  }
}
