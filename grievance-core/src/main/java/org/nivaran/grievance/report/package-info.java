/**
 * Grading: projections over the event log that count, per department and per district and for a
 * {@link org.nivaran.grievance.report.GradingPeriod}, what was received, disposed, disposed within SLA
 * and is pending beyond it, with satisfaction, returned-reply and reopening rates, and turn them
 * into a score, a grade band and a rank, as the monthly CM Helpline grading does.
 *
 * <p>A {@link org.nivaran.grievance.report.GradingSource} supplies each complaint's
 * {@link org.nivaran.grievance.report.ComplaintFacts};
 * {@link org.nivaran.grievance.report.EventLogGradingSource} computes them in memory, the JDBC
 * store's source by SQL, by the same rules.
 *
 * <p>{@link org.nivaran.grievance.report.Grading} sums the facts of each department and district
 * into {@link org.nivaran.grievance.report.UnitFigures}, scores them with a
 * {@link org.nivaran.grievance.report.GradingScheme} (a weighted mean of the
 * {@link org.nivaran.grievance.report.Indicator}s, with grade bands and volume
 * {@link org.nivaran.grievance.report.PeerGroup}s), breaks each score down by indicator
 * ({@link org.nivaran.grievance.report.IndicatorScore}), and ranks the units of each kind, overall
 * and among their peers, into a
 * {@link org.nivaran.grievance.report.GradingReport}, which writes itself as CSV; its JSON form
 * comes from {@code org.nivaran.grievance.json.NivaranJson.gradingReport}.
 *
 * <pre>{@code
 * GradingReport march = Grading.grade(EventLogGradingSource.of(store),
 *     GradingPeriod.of(YearMonth.of(2024, 3), ZoneId.of("Asia/Kolkata")), GradingScheme.standard(),
 *     Grading.districtsOf(directory.jurisdictions()));
 * }</pre>
 *
 * <p>{@link org.nivaran.grievance.report.ReplyQuality} counts, per post, the replies filed,
 * accepted and returned in a period ({@link org.nivaran.grievance.report.PostReplies}).
 *
 * <p>Every type here is immutable and thread-safe, or stateless.
 */
package org.nivaran.grievance.report;
