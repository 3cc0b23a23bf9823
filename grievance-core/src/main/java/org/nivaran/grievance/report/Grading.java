package org.nivaran.grievance.report;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Jurisdiction;
import org.nivaran.grievance.directory.Jurisdictions;

/**
 * Grades departments and districts for a period, as the monthly CM Helpline grading does: sums
 * the {@link ComplaintFacts} of each unit into its {@link UnitFigures}, scores them with a
 * {@link GradingScheme}, and ranks the units of each kind.
 *
 * <pre>{@code
 * GradingPeriod march = GradingPeriod.of(YearMonth.of(2024, 3), ZoneId.of("Asia/Kolkata"));
 * GradingReport report = Grading.grade(EventLogGradingSource.of(store), march, GradingScheme.standard(),
 *     Grading.districtsOf(directory.jurisdictions()));
 * GradedUnit first = report.departments().get(0);
 * String csv = report.toCsv();
 * }</pre>
 *
 * <h2>The units</h2>
 *
 * <p>The units are those that appear in the facts. A complaint counts for the department of its
 * post at the end of the period, if it has one (a complaint never assigned counts for no
 * department, only for its district), and for the district {@code districtOf} gives for its
 * jurisdiction code.
 *
 * <h2>The figures of a unit</h2>
 *
 * <ul>
 *   <li>{@code received}: complaints {@linkplain ComplaintFacts#receivedIn registered inside the
 *       period};
 *   <li>{@code disposed}: complaints with a {@code disposedAt}; {@code disposedWithinSla}: those
 *       of them {@code withinSla};
 *   <li>{@code pending}: complaints {@linkplain ComplaintFacts#pending() open at the end};
 *       {@code pendingBeyondSla}: those {@code beyondSla}, counted by their {@code level};
 *   <li>{@code replies}, {@code returns}, {@code satisfied}, {@code dissatisfied},
 *       {@code reopens}: the sums of the complaints' counts;
 *   <li>{@code firstResponsesDue}: complaints whose {@code firstResponseDue}; {@code firstResponsesInTime}:
 *       those of them {@code firstResponseInTime};
 *   <li>{@code medianResolution}: the median of {@code disposedAt − registeredAt} over the
 *       disposed complaints; for an even number of them, the mean of the two middle durations;
 *       truncated to whole seconds; empty if none was disposed.
 * </ul>
 *
 * <h2>Scores and ranks</h2>
 *
 * <p>Each unit's score is its scheme {@linkplain GradingScheme#roundedScore score computed exactly and} rounded half up to 2
 * decimal places, its grade the scheme's {@linkplain GradingScheme#grade grade} for it. Within
 * each kind the units are ranked by score, highest first, with standard competition ranking:
 * units with equal (rounded) scores share a rank, and the next rank skips as many places (1, 2,
 * 2, 4). Each list is sorted by rank, then by code. Each unit is also ranked by the same rule
 * among its peers: the units of its kind in its {@linkplain GradingScheme#peerGroupOf peer group}
 * (by complaints received); with the standard scheme's single group the peer rank is the rank.
 * Each unit carries its score {@linkplain GradingScheme#breakdown broken down by indicator}, the
 * points adding up to the score.
 *
 * <p>Stateless and thread-safe.
 */
public final class Grading {
  private Grading() {}

  /**
   * Grades the units of the facts a source gives for a period.
   *
   * @param source where the facts come from
   * @param period the period
   * @param scheme how figures are scored and graded
   * @param districtOf the district code of a jurisdiction code, e.g.
   *     {@link #districtsOf(Jurisdictions)}
   * @return the report
   * @throws InvalidInputException naming the argument that is missing, or as
   *     {@link #grade(List, GradingPeriod, GradingScheme, Function)} does
   */
  public static GradingReport grade(
      GradingSource source, GradingPeriod period, GradingScheme scheme, Function<String, String> districtOf) {
    Texts.required(source, "source");
    Texts.required(period, "period");
    Texts.required(scheme, "scheme");
    Texts.required(districtOf, "districtOf");
    return grade(source.facts(period), period, scheme, districtOf);
  }

  /**
   * Grades the units of the given facts for a period.
   *
   * @param facts the facts of every complaint that counts for the period, each complaint once
   * @param period the period the facts are for
   * @param scheme how figures are scored and graded
   * @param districtOf the district code of a jurisdiction code, e.g.
   *     {@link #districtsOf(Jurisdictions)}
   * @return the report
   * @throws InvalidInputException naming the argument that is missing; {@code districtOf} if it
   *     gives no district for a jurisdiction; or naming the element, e.g. {@code facts[3].id}, for
   *     facts that break the rules on {@link ComplaintFacts}: a complaint given twice, registered
   *     at or after the period's end, disposed outside the period, before its registration or
   *     though neither closed nor rejected, or beyond its SLA though not open or without a level
   */
  public static GradingReport grade(
      List<ComplaintFacts> facts, GradingPeriod period, GradingScheme scheme, Function<String, String> districtOf) {
    Texts.required(facts, "facts");
    Texts.required(period, "period");
    Texts.required(scheme, "scheme");
    Texts.required(districtOf, "districtOf");
    Map<String, Tally> departments = new TreeMap<>();
    Map<String, Tally> districts = new TreeMap<>();
    Set<ComplaintId> seen = new HashSet<>();
    int i = 0;
    for (ComplaintFacts f : facts) {
      String at = "facts[" + i++ + "]";
      Texts.required(f, at);
      check(f, at, period, seen);
      String district = districtOf.apply(f.jurisdictionCode());
      if (district == null || district.isBlank()) {
        throw new InvalidInputException(
            "districtOf", "gave no district for jurisdiction '" + f.jurisdictionCode() + "' (complaint " + f.id() + ")");
      }
      f.department().ifPresent(d -> departments.computeIfAbsent(d, k -> new Tally()).add(f, period));
      districts.computeIfAbsent(district, k -> new Tally()).add(f, period);
    }
    return new GradingReport(
        period, scheme, rank(figures(UnitKind.DEPARTMENT, departments), scheme),
        rank(figures(UnitKind.DISTRICT, districts), scheme));
  }

  /**
   * Scores, grades and ranks units of one kind: for a source that sums its figures itself (in
   * SQL, say). The rules are those of the class description.
   *
   * @param units the units' figures, all of one kind, each code once
   * @param scheme how figures are scored and graded
   * @return the graded units, sorted by rank, then code
   * @throws InvalidInputException naming the argument that is missing, or the element, e.g.
   *     {@code units[2].kind} for a unit of another kind than the first, {@code units[2].code} for a
   *     code given twice
   */
  public static List<GradedUnit> rank(List<UnitFigures> units, GradingScheme scheme) {
    Texts.required(units, "units");
    Texts.required(scheme, "scheme");
    record Scored(UnitFigures figures, List<IndicatorScore> breakdown, double score, PeerGroup group) {}
    List<Scored> scored = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    UnitKind kind = null;
    int i = 0;
    for (UnitFigures u : units) {
      String at = "units[" + i++ + "]";
      Texts.required(u, at);
      if (kind == null) {
        kind = u.kind();
      } else if (u.kind() != kind) {
        throw new InvalidInputException(at + ".kind", "must be " + kind + ", as the first unit's (was " + u.kind() + ")");
      }
      if (!codes.add(u.code())) {
        throw new InvalidInputException(at + ".code", "repeats the code '" + u.code() + "'");
      }
      List<IndicatorScore> breakdown = scheme.breakdown(u);
      scored.add(new Scored(u, breakdown, ScoreBreakdown.total(breakdown).doubleValue(), scheme.peerGroupOf(u)));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.figures().code()));
    Map<PeerGroup, Integer> peerCounts = new HashMap<>();
    scored.forEach(s -> peerCounts.merge(s.group(), 1, Integer::sum));
    Map<PeerGroup, Scored> lastPeer = new HashMap<>();
    Map<PeerGroup, int[]> peerPlace = new HashMap<>(); // {units seen, rank of the last}
    List<GradedUnit> graded = new ArrayList<>(scored.size());
    int rank = 0;
    for (int n = 0; n < scored.size(); n++) {
      Scored s = scored.get(n);
      if (n == 0 || s.score() != scored.get(n - 1).score()) {
        rank = n + 1;
      }
      int[] place = peerPlace.computeIfAbsent(s.group(), g -> new int[2]);
      Scored previous = lastPeer.put(s.group(), s);
      place[0]++;
      if (previous == null || s.score() != previous.score()) {
        place[1] = place[0];
      }
      graded.add(new GradedUnit(s.figures(), s.score(), scheme.grade(s.score()), rank, s.group(), place[1],
          peerCounts.get(s.group()), s.breakdown()));
    }
    return List.copyOf(graded);
  }

  /**
   * The district of a jurisdiction, by code, in a jurisdiction tree: the code of the jurisdiction
   * itself if it is a district, else of its nearest district ancestor
   * ({@link Jurisdictions#districtOf}); the code itself if the jurisdiction has no district above
   * it (a state) or is not in the tree.
   *
   * @param jurisdictions the jurisdiction tree
   * @return a thread-safe function from jurisdiction code to district code
   * @throws InvalidInputException (field {@code jurisdictions}) if the tree is missing
   */
  public static Function<String, String> districtsOf(Jurisdictions jurisdictions) {
    Texts.required(jurisdictions, "jurisdictions");
    return code -> jurisdictions.find(code)
        .flatMap(j -> jurisdictions.districtOf(j.code()))
        .map(Jurisdiction::code)
        .orElse(code);
  }

  private static void check(ComplaintFacts f, String at, GradingPeriod period, Set<ComplaintId> seen) {
    if (!seen.add(f.id())) {
      throw new InvalidInputException(at + ".id", "repeats complaint " + f.id() + " (each complaint counts once)");
    }
    if (!f.registeredAt().isBefore(period.to())) {
      throw new InvalidInputException(
          at + ".registeredAt", "is not before the period's end " + period.to() + " (complaint " + f.id() + ")");
    }
    if (f.disposedAt().isPresent()) {
      var disposedAt = f.disposedAt().get();
      if (f.status() != Status.CLOSED && f.status() != Status.REJECTED) {
        throw new InvalidInputException(
            at + ".disposedAt", "is set for complaint " + f.id() + ", which is " + f.status()
                + " at the end; only a closed or rejected complaint is disposed");
      }
      if (!period.contains(disposedAt)) {
        throw new InvalidInputException(
            at + ".disposedAt", "lies outside the period [" + period.from() + ", " + period.to() + ") (was " + disposedAt
                + ", complaint " + f.id() + ")");
      }
      if (disposedAt.isBefore(f.registeredAt())) {
        throw new InvalidInputException(
            at + ".disposedAt", "is before the registration " + f.registeredAt() + " (was " + disposedAt + ", complaint "
                + f.id() + ")");
      }
    }
    if (f.beyondSla()) {
      if (!f.pending()) {
        throw new InvalidInputException(
            at + ".beyondSla", "is set for complaint " + f.id() + ", which is " + f.status() + " at the end, not open");
      }
      if (f.level().isEmpty()) {
        throw new InvalidInputException(
            at + ".level", "is missing for complaint " + f.id() + ", which is pending beyond its SLA");
      }
    }
  }

  private static List<UnitFigures> figures(UnitKind kind, Map<String, Tally> tallies) {
    List<UnitFigures> figures = new ArrayList<>(tallies.size());
    tallies.forEach((code, tally) -> figures.add(tally.figures(kind, code)));
    return figures;
  }

  /** The running sums of one unit. Not thread-safe; used by one call only. */
  private static final class Tally {
    private long received;
    private long disposed;
    private long disposedWithinSla;
    private long pending;
    private final SortedMap<Level, Long> pendingBeyondSla = new TreeMap<>();
    private long replies;
    private long returns;
    private long satisfied;
    private long dissatisfied;
    private long reopens;
    private long firstResponsesDue;
    private long firstResponsesInTime;
    private final List<Duration> resolutions = new ArrayList<>();

    void add(ComplaintFacts f, GradingPeriod period) {
      received += f.receivedIn(period) ? 1 : 0;
      if (f.disposedAt().isPresent()) {
        disposed++;
        disposedWithinSla += f.withinSla() ? 1 : 0;
        resolutions.add(Duration.between(f.registeredAt(), f.disposedAt().get()));
      }
      if (f.pending()) {
        pending++;
        if (f.beyondSla()) {
          pendingBeyondSla.merge(f.level().orElseThrow(), 1L, Long::sum);
        }
      }
      replies += f.replies();
      returns += f.returns();
      satisfied += f.satisfied();
      dissatisfied += f.dissatisfied();
      reopens += f.reopens();
      firstResponsesDue += f.firstResponseDue() ? 1 : 0;
      firstResponsesInTime += f.firstResponseInTime() ? 1 : 0;
    }

    UnitFigures figures(UnitKind kind, String code) {
      return new UnitFigures(
          kind, code, received, disposed, disposedWithinSla, pending, pendingBeyondSla, replies, returns, satisfied,
          dissatisfied, reopens, median(resolutions), firstResponsesDue, firstResponsesInTime);
    }

    private static java.util.Optional<Duration> median(List<Duration> durations) {
      if (durations.isEmpty()) {
        return java.util.Optional.empty();
      }
      List<Duration> sorted = new ArrayList<>(durations);
      sorted.sort(null);
      int n = sorted.size();
      Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
      return java.util.Optional.of(median.truncatedTo(ChronoUnit.SECONDS));
    }
  }
}
