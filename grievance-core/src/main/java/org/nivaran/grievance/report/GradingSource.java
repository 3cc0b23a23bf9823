package org.nivaran.grievance.report;

import java.util.List;

/**
 * Where grading reads its figures: the {@link ComplaintFacts} of every complaint that counts for
 * a period. {@link EventLogGradingSource} computes them by replaying event logs in memory; the
 * JDBC store's source computes them by SQL. Every implementation must follow the rules on
 * {@link ComplaintFacts} exactly; the tests hold the two built-in ones to the same answers.
 *
 * <p>Implementations must be thread-safe.
 */
public interface GradingSource {
  /**
   * The facts of every complaint that counts for a period, sorted by complaint id.
   *
   * @param period the period
   * @return the facts, one per complaint
   */
  List<ComplaintFacts> facts(GradingPeriod period);
}
