/**
 * Grading: projections over the event log that count, per department and per district and for a
 * {@link org.nivaran.grievance.report.Period}, what was received, disposed, disposed within SLA
 * and is pending beyond it, with satisfaction, returned-reply and reopening rates, and turn them
 * into a score, a grade band and a rank, as the monthly CM Helpline grading does.
 *
 * <p>A {@link org.nivaran.grievance.report.GradingSource} supplies each complaint's
 * {@link org.nivaran.grievance.report.ComplaintFacts};
 * {@link org.nivaran.grievance.report.EventLogGradingSource} computes them in memory, the JDBC
 * store's source by SQL, by the same rules.
 */
package org.nivaran.grievance.report;
