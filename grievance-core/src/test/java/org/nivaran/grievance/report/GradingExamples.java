package org.nivaran.grievance.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;

/**
 * A small grading report worked out by hand, for the CSV and JSON tests, and builders of facts and
 * figures. The department codes are "ऊर्जा" (energy, in Devanagari) and "REVENUE, LAND" (a comma,
 * to be quoted in CSV); the districts "धार" (Dhar) and "INDORE".
 */
public final class GradingExamples {
  private GradingExamples() {}

  public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  /** March 2024 in IST: {@code [2024-02-29T18:30:00Z, 2024-03-31T18:30:00Z)}. */
  public static final GradingPeriod MARCH = GradingPeriod.of(YearMonth.of(2024, 3), IST);

  public static final String URJA = "ऊर्जा";
  public static final String LAND = "REVENUE, LAND";
  public static final String DHAR = "धार";

  public static Instant ist(int month, int day, int hour) {
    return LocalDateTime.of(2024, month, day, hour, 0).atZone(IST).toInstant();
  }

  /** Jurisdiction DHAR-W1 is in धार, INDORE-W5 in INDORE. */
  public static final Function<String, String> DISTRICT_OF =
      Map.of("DHAR-W1", DHAR, "INDORE-W5", "INDORE")::get;

  /**
   * <pre>
   * A-1  ऊर्जा          धार     reg 2 Mar 10:00, closed 3 Mar 10:00 (24h) in time; 1 reply, 1 satisfied
   * A-2  ऊर्जा          धार     reg 20 Feb, assigned at L2, beyond SLA at the end of March
   * A-3  REVENUE, LAND  INDORE  reg 5 Mar 10:00, rejected 5 Mar 12:00 (2h), in time
   * A-4  (none)         INDORE  reg 6 Mar, still registered (unrouted)
   * </pre>
   */
  public static List<ComplaintFacts> facts() {
    return List.of(
        facts("A-1", "DHAR-W1", URJA, Level.L1, ist(3, 2, 10), Status.CLOSED, ist(3, 3, 10), true, false, 1, 0, 1, 0, 0),
        facts("A-2", "DHAR-W1", URJA, Level.L2, ist(2, 20, 10), Status.ASSIGNED, null, false, true, 0, 0, 0, 0, 0),
        facts("A-3", "INDORE-W5", LAND, Level.L1, ist(3, 5, 10), Status.REJECTED, ist(3, 5, 12), true, false,
            0, 0, 0, 0, 0),
        facts("A-4", "INDORE-W5", null, null, ist(3, 6, 10), Status.REGISTERED, null, false, false, 0, 0, 0, 0, 0));
  }

  /*
   * ऊर्जा   received 1, disposed 1, within 1, pending 1 (A-2, beyond at L2), replies 1, satisfied 1,
   *         median 24h; rates: disposal 1/2, SLA 1/1, satisfaction 1/1, returned 0/1, reopened 0/1
   *         score 25×0.5 + 25 + 30 + 10 + 10 = 87.5: A
   * REVENUE, LAND  received 1, disposed 1, within 1, pending 0, median 2h; rates: disposal 1, SLA 1, the
   *         rest empty; score 100 × (25 + 25) / 50 = 100: A
   * धार     the same complaints as ऊर्जा: 87.5, A
   * INDORE : received 2, disposed 1, within 1, pending 1 (not beyond), median 2h;
   *         rates: disposal 1/2, SLA 1; score 100 × (12.5 + 25) / 50 = 75: B
   */
  public static GradingReport report() {
    return Grading.grade(facts(), MARCH, GradingScheme.standard(), DISTRICT_OF);
  }

  public static ComplaintFacts facts(
      String id, String jurisdiction, String department, Level level, Instant registeredAt, Status status,
      Instant disposedAt, boolean withinSla, boolean beyondSla,
      int replies, int returns, int satisfied, int dissatisfied, int reopens) {
    return new ComplaintFacts(
        ComplaintId.of(id), jurisdiction, Optional.ofNullable(department), Optional.ofNullable(level), registeredAt,
        status, Optional.ofNullable(disposedAt), withinSla, beyondSla, replies, returns, satisfied, dissatisfied,
        reopens);
  }

  /** Figures with only the counts the rates use; received 0, nothing beyond SLA, median 1 hour if disposed. */
  public static UnitFigures figures(
      String code, long disposed, long withinSla, long pending, long replies, long returns, long satisfied,
      long dissatisfied, long reopens) {
    return new UnitFigures(UnitKind.DEPARTMENT, code, 0, disposed, withinSla, pending, new TreeMap<>(), replies,
        returns, satisfied, dissatisfied, reopens, disposed > 0 ? Optional.of(Duration.ofHours(1)) : Optional.empty());
  }
}
