package org.nivaran.grievance.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code nivaran.health.*} properties: when the {@code nivaran} health indicator reports
 * trouble.
 *
 * <p>A mutable bean bound once by Spring at start-up; not thread-safe while being bound, read-only
 * afterwards.
 */
@ConfigurationProperties(prefix = "nivaran.health")
public class NivaranHealthProperties {
  /** The most dead outbox messages (given up on) the health indicator accepts before it reports the trouble status. */
  private long deadLettersThreshold = 100;
  /** The most stuck complaints (escalation blocked) the health indicator accepts before it reports the trouble status. */
  private int stuckThreshold = 100;
  /**
   * The status reported when a threshold is passed: DOWN by default; OUT_OF_SERVICE, or a status of
   * the host's own, keeps a load balancer from taking the node out for what no restart fixes.
   */
  private String status = "DOWN";

  /** Creates the properties with their defaults. */
  public NivaranHealthProperties() {}

  /**
   * The most dead letters accepted.
   *
   * @return the threshold
   */
  public long getDeadLettersThreshold() {
    return deadLettersThreshold;
  }

  /**
   * Sets the most dead letters accepted.
   *
   * @param deadLettersThreshold the threshold, not negative
   */
  public void setDeadLettersThreshold(long deadLettersThreshold) {
    this.deadLettersThreshold = deadLettersThreshold;
  }

  /**
   * The most stuck complaints accepted.
   *
   * @return the threshold
   */
  public int getStuckThreshold() {
    return stuckThreshold;
  }

  /**
   * Sets the most stuck complaints accepted.
   *
   * @param stuckThreshold the threshold, not negative
   */
  public void setStuckThreshold(int stuckThreshold) {
    this.stuckThreshold = stuckThreshold;
  }

  /**
   * The status reported when a threshold is passed.
   *
   * @return the status code
   */
  public String getStatus() {
    return status;
  }

  /**
   * Sets the status reported when a threshold is passed.
   *
   * @param status a status code, e.g. {@code DOWN} or {@code OUT_OF_SERVICE}
   */
  public void setStatus(String status) {
    this.status = status;
  }
}
