package org.nivaran.grievance.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code nivaran.observability.*} properties: Nivaran's Micrometer metrics and observations.
 *
 * <p>A mutable bean bound once by Spring at start-up; not thread-safe while being bound, read-only
 * afterwards.
 */
@ConfigurationProperties(prefix = "nivaran.observability")
public class NivaranObservabilityProperties {
  /**
   * Whether Nivaran's registrations, commands, sweeps and deliveries are measured and observed when
   * the application has a Micrometer MeterRegistry.
   */
  private boolean enabled = true;
  /**
   * How long the outbox counts (pending, dead) are kept before they are read again, for the gauges
   * and the health indicator: reading them scans the tenant's outbox rows, so a scrape every few
   * seconds must not read them each time.
   */
  private Duration outboxCountsRefresh = Duration.ofSeconds(30);

  /** Creates the properties with their defaults. */
  public NivaranObservabilityProperties() {}

  /**
   * Whether metrics and observations are on.
   *
   * @return true if on
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether metrics and observations are on.
   *
   * @param enabled true for on
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * How long the outbox counts are kept.
   *
   * @return the interval
   */
  public Duration getOutboxCountsRefresh() {
    return outboxCountsRefresh;
  }

  /**
   * Sets how long the outbox counts are kept.
   *
   * @param outboxCountsRefresh the interval, not negative (zero reads them every time)
   */
  public void setOutboxCountsRefresh(Duration outboxCountsRefresh) {
    this.outboxCountsRefresh = outboxCountsRefresh;
  }
}
