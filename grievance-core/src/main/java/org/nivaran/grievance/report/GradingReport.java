package org.nivaran.grievance.report;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Csv;
import org.nivaran.grievance.internal.Decimals;
import org.nivaran.grievance.internal.Texts;

/**
 * The grading of a period: every department and every district with its figures, score, grade
 * and rank, as {@link Grading} makes it.
 *
 * <p>{@link #toCsv()} writes it as CSV; the JSON form comes from
 * {@link org.nivaran.grievance.json.NivaranJson#gradingReport(GradingReport)} (this package does
 * not depend on Jackson).
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period graded
 * @param scheme the scheme the scores and grades come from
 * @param departments the departments, sorted by rank, then code; an unmodifiable list
 * @param districts the districts, sorted by rank, then code; an unmodifiable list
 */
public record GradingReport(
    GradingPeriod period, GradingScheme scheme, List<GradedUnit> departments, List<GradedUnit> districts) {

  /** The CSV columns before those of the levels. */
  private static final List<String> LEADING_COLUMNS = List.of(
      "kind", "code", "rank", "grade", "score", "received", "disposed", "disposed_within_sla", "pending",
      "pending_beyond_sla");

  /** The CSV columns after those of the levels. */
  private static final List<String> TRAILING_COLUMNS = List.of(
      "replies", "returns", "satisfied", "dissatisfied", "reopens", "disposal_rate", "sla_compliance_rate",
      "satisfaction_rate", "returned_rate", "reopened_rate", "median_resolution", "first_responses_due",
      "first_responses_in_time", "first_response_rate");

  /** The CSV columns of the peer group and rank, after the trailing ones. */
  private static final List<String> PEER_COLUMNS = List.of(
      "peer_group", "peer_group_lowest", "peer_group_highest", "peer_rank", "peer_count");

  /** The levels that always have a CSV column. */
  private static final List<Level> STANDARD_LEVELS = List.of(Level.L1, Level.L2, Level.L3, Level.L4);

  /**
   * Checks the fields and copies the lists.
   *
   * @param period the period graded
   * @param scheme the scheme the scores and grades come from
   * @param departments the departments
   * @param districts the districts
   * @throws InvalidInputException naming the field or element, if one is missing, or a unit is
   *     of the other kind or repeats a code (e.g. {@code departments[1].kind})
   */
  public GradingReport {
    Texts.required(period, "period");
    Texts.required(scheme, "scheme");
    departments = units(departments, "departments", UnitKind.DEPARTMENT);
    districts = units(districts, "districts", UnitKind.DISTRICT);
  }

  private static List<GradedUnit> units(List<GradedUnit> units, String field, UnitKind kind) {
    Texts.required(units, field);
    List<String> codes = new ArrayList<>();
    int i = 0;
    for (GradedUnit u : units) {
      String at = field + "[" + i++ + "]";
      Texts.required(u, at);
      if (u.kind() != kind) {
        throw new InvalidInputException(at + ".kind", "must be " + kind + " (was " + u.kind() + ")");
      }
      if (codes.contains(u.code())) {
        throw new InvalidInputException(at + ".code", "repeats the code '" + u.code() + "'");
      }
      codes.add(u.code());
    }
    return List.copyOf(units);
  }

  /**
   * A department of the report.
   *
   * @param code the department's code
   * @return the department, or empty if it is not in the report
   */
  public Optional<GradedUnit> department(String code) {
    return departments.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /**
   * A district of the report.
   *
   * @param code the district's code
   * @return the district, or empty if it is not in the report
   */
  public Optional<GradedUnit> district(String code) {
    return districts.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /**
   * The levels the report has a count beyond SLA for, with L1 to L4 always: the
   * {@code beyond_lN} columns of {@link #toCsv()}.
   *
   * @return the levels, in order; an unmodifiable set
   */
  public SortedSet<Level> beyondSlaLevels() {
    SortedSet<Level> levels = new TreeSet<>(STANDARD_LEVELS);
    departments.forEach(u -> levels.addAll(u.figures().pendingBeyondSla().keySet()));
    districts.forEach(u -> levels.addAll(u.figures().pendingBeyondSla().keySet()));
    return java.util.Collections.unmodifiableSortedSet(levels);
  }

  /**
   * The report as CSV (RFC 4180, UTF-8 text, every line ended by CRLF): a header line, then one
   * line per unit, the departments first, then the districts, each in the order of its list.
   *
   * <p>The columns: {@code kind} ({@code DEPARTMENT} or {@code DISTRICT}), {@code code},
   * {@code rank}, {@code grade}, {@code score} (2 decimal places), {@code received},
   * {@code disposed}, {@code disposed_within_sla}, {@code pending}, {@code pending_beyond_sla} (the
   * total), one {@code beyond_l1}, {@code beyond_l2}, ... column for each of
   * {@link #beyondSlaLevels()}, {@code replies}, {@code returns}, {@code satisfied},
   * {@code dissatisfied}, {@code reopens}, {@code disposal_rate}, {@code sla_compliance_rate},
   * {@code satisfaction_rate}, {@code returned_rate}, {@code reopened_rate} (4 decimal places,
   * rounded half up; empty when the rate is), and {@code median_resolution} (an ISO-8601 duration
   * to the second, such as {@code PT168H}; empty when none was disposed), then
   * {@code first_responses_due}, {@code first_responses_in_time} and {@code first_response_rate}
   * (4 decimal places; empty when no first response was due); then the unit's
   * {@linkplain GradedUnit#peerGroup() peer group}: {@code peer_group} (its number, from 1),
   * {@code peer_group_lowest} and {@code peer_group_highest} (its bounds in complaints received;
   * the highest empty for the last group), {@code peer_rank} and {@code peer_count}; and one
   * {@code points_<key>} column per {@link Indicator}, in declaration order ({@code points_disposal},
   * {@code points_sla_compliance}, {@code points_satisfaction}, {@code points_returned},
   * {@code points_reopened}, {@code points_first_response}): the points it contributed to the
   * score, 2 decimal places, adding up to {@code score} (empty if the unit's breakdown lacks the
   * indicator). Numbers are written with
   * ASCII digits and a full stop whatever the default locale; a field is quoted only if it holds a
   * comma, a double quote or a line break.
   *
   * @return the CSV text
   */
  public String toCsv() {
    List<Level> levels = List.copyOf(beyondSlaLevels());
    List<String> header = new ArrayList<>(LEADING_COLUMNS);
    levels.forEach(l -> header.add("beyond_l" + l.rung()));
    header.addAll(TRAILING_COLUMNS);
    header.addAll(PEER_COLUMNS);
    for (Indicator i : Indicator.values()) {
      header.add("points_" + i.key());
    }
    StringBuilder out = new StringBuilder();
    Csv.appendRecord(out, header);
    for (GradedUnit u : departments) {
      Csv.appendRecord(out, row(u, levels));
    }
    for (GradedUnit u : districts) {
      Csv.appendRecord(out, row(u, levels));
    }
    return out.toString();
  }

  private static List<String> row(GradedUnit u, List<Level> levels) {
    UnitFigures f = u.figures();
    List<String> row = new ArrayList<>();
    row.add(f.kind().name());
    row.add(f.code());
    row.add(Integer.toString(u.rank()));
    row.add(u.grade().name());
    row.add(Decimals.fixed(u.score(), 2));
    row.add(Long.toString(f.received()));
    row.add(Long.toString(f.disposed()));
    row.add(Long.toString(f.disposedWithinSla()));
    row.add(Long.toString(f.pending()));
    row.add(Long.toString(f.pendingBeyondSlaTotal()));
    for (Level l : levels) {
      row.add(Long.toString(f.pendingBeyondSla().getOrDefault(l, 0L)));
    }
    row.add(Long.toString(f.replies()));
    row.add(Long.toString(f.returns()));
    row.add(Long.toString(f.satisfied()));
    row.add(Long.toString(f.dissatisfied()));
    row.add(Long.toString(f.reopens()));
    row.add(rate(f.disposalRate()));
    row.add(rate(f.slaComplianceRate()));
    row.add(rate(f.satisfactionRate()));
    row.add(rate(f.returnedRate()));
    row.add(rate(f.reopenedRate()));
    row.add(f.medianResolution().map(GradingReport::duration).orElse(""));
    row.add(Long.toString(f.firstResponsesDue()));
    row.add(Long.toString(f.firstResponsesInTime()));
    row.add(rate(f.firstResponseRate()));
    row.add(Integer.toString(u.peerGroup().number()));
    row.add(Long.toString(u.peerGroup().lowest()));
    row.add(u.peerGroup().highest().map(String::valueOf).orElse(""));
    row.add(Integer.toString(u.peerRank()));
    row.add(Integer.toString(u.peerCount()));
    for (Indicator i : Indicator.values()) {
      row.add(u.breakdown().stream().filter(s -> s.indicator() == i).findFirst()
          .map(s -> Decimals.fixed(s.points(), 2)).orElse(""));
    }
    return row;
  }

  private static String rate(Optional<Double> rate) {
    return rate.map(r -> Decimals.fixed(r, 4)).orElse("");
  }

  /** A duration as ISO-8601, truncated to the second, e.g. {@code PT168H} or {@code PT0S}. */
  private static String duration(Duration d) {
    return d.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
