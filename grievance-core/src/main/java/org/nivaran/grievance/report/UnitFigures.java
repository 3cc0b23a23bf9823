package org.nivaran.grievance.report;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Texts;

/**
 * What one department or district did in a {@link GradingPeriod}: the sums of its complaints'
 * {@link ComplaintFacts}, as {@link Grading} adds them up (its Javadoc gives the rules), and the
 * rates a {@link GradingScheme} scores.
 *
 * <p>Each rate is empty when its denominator is 0, so that a unit with nothing to judge on one
 * measure is neither rewarded nor punished for it: the scheme leaves the measure out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind whether a department or a district
 * @param code the department's code, or the district's; 1 to 64 characters on one line, without
 *     surrounding white space, in Unicode NFC (a department code may be in any script)
 * @param received complaints registered inside the period
 * @param disposed complaints closed or rejected inside the period and still so at its end
 * @param disposedWithinSla the disposed ones that were disposed within their SLA; at most
 *     {@code disposed}
 * @param pending complaints open at the end of the period
 * @param pendingBeyondSla the pending ones whose level's time had run out at the end, by the
 *     level they wait at; an unmodifiable map holding only levels with a count above 0, in level
 *     order, its total at most {@code pending}
 * @param replies action-taken replies filed inside the period
 * @param returns replies returned as of poor quality inside the period
 * @param satisfied citizen verifications inside the period that found the citizen satisfied
 * @param dissatisfied citizen verifications inside the period that found the citizen not satisfied
 * @param reopens reopenings inside the period (a citizen not satisfied, or a closed complaint
 *     reopened)
 * @param medianResolution the median time from registration to disposal of the disposed
 *     complaints; empty if none was disposed
 * @param firstResponsesDue complaints whose first-response deadline lies inside the period
 * @param firstResponsesInTime the ones of them whose first response was made by its deadline; at
 *     most {@code firstResponsesDue}
 */
public record UnitFigures(
    UnitKind kind,
    String code,
    long received,
    long disposed,
    long disposedWithinSla,
    long pending,
    SortedMap<Level, Long> pendingBeyondSla,
    long replies,
    long returns,
    long satisfied,
    long dissatisfied,
    long reopens,
    Optional<Duration> medianResolution,
    long firstResponsesDue,
    long firstResponsesInTime) {

  /** The most code points in a unit's code. */
  public static final int MAX_CODE_LENGTH = 64;

  /**
   * Checks the figures and copies {@code pendingBeyondSla}, keeping only the levels with a count
   * above 0.
   *
   * @param kind whether a department or a district
   * @param code the department's code, or the district's
   * @param received complaints registered inside the period
   * @param disposed complaints disposed inside the period
   * @param disposedWithinSla the disposed ones disposed within their SLA
   * @param pending complaints open at the end of the period
   * @param pendingBeyondSla the pending ones beyond their SLA, by level
   * @param replies replies filed inside the period
   * @param returns replies returned inside the period
   * @param satisfied verifications that found the citizen satisfied
   * @param dissatisfied verifications that found the citizen not satisfied
   * @param reopens reopenings inside the period
   * @param medianResolution the median time from registration to disposal
   * @param firstResponsesDue complaints whose first-response deadline lies inside the period
   * @param firstResponsesInTime the ones of them whose first response was made by its deadline
   * @throws InvalidInputException naming the field, if one is missing, a count is negative, the
   *     code is blank, too long, not on one line or not NFC, {@code disposedWithinSla} exceeds
   *     {@code disposed}, {@code firstResponsesInTime} exceeds {@code firstResponsesDue}, the
   *     total beyond SLA exceeds {@code pending}, or the median is negative or given though
   *     nothing was disposed
   */
  public UnitFigures {
    Texts.required(kind, "kind");
    Texts.opaque(code, "code", MAX_CODE_LENGTH);
    nonNegative(received, "received");
    nonNegative(disposed, "disposed");
    nonNegative(disposedWithinSla, "disposedWithinSla");
    nonNegative(pending, "pending");
    nonNegative(replies, "replies");
    nonNegative(returns, "returns");
    nonNegative(satisfied, "satisfied");
    nonNegative(dissatisfied, "dissatisfied");
    nonNegative(reopens, "reopens");
    nonNegative(firstResponsesDue, "firstResponsesDue");
    nonNegative(firstResponsesInTime, "firstResponsesInTime");
    if (firstResponsesInTime > firstResponsesDue) {
      throw new InvalidInputException("firstResponsesInTime",
          "must not exceed firstResponsesDue " + firstResponsesDue + " (was " + firstResponsesInTime + ")");
    }
    if (disposedWithinSla > disposed) {
      throw new InvalidInputException(
          "disposedWithinSla", "must not exceed disposed " + disposed + " (was " + disposedWithinSla + ")");
    }
    pendingBeyondSla = beyondSla(Texts.required(pendingBeyondSla, "pendingBeyondSla"), pending);
    Texts.required(medianResolution, "medianResolution");
    if (medianResolution.filter(Duration::isNegative).isPresent()) {
      throw new InvalidInputException("medianResolution", "must not be negative (was " + medianResolution.get() + ")");
    }
    if (medianResolution.isPresent() && disposed == 0) {
      throw new InvalidInputException(
          "medianResolution", "must be empty when nothing was disposed (was " + medianResolution.get() + ")");
    }
  }

  /**
   * Figures with no first response due in the period.
   *
   * @param kind whether a department or a district
   * @param code the department's code, or the district's
   * @param received complaints registered inside the period
   * @param disposed complaints disposed inside the period
   * @param disposedWithinSla the disposed ones disposed within their SLA
   * @param pending complaints open at the end of the period
   * @param pendingBeyondSla the pending ones beyond their SLA, by level
   * @param replies replies filed inside the period
   * @param returns replies returned inside the period
   * @param satisfied verifications that found the citizen satisfied
   * @param dissatisfied verifications that found the citizen not satisfied
   * @param reopens reopenings inside the period
   * @param medianResolution the median time from registration to disposal
   * @throws InvalidInputException as the canonical constructor does
   */
  public UnitFigures(UnitKind kind, String code, long received, long disposed, long disposedWithinSla, long pending,
      SortedMap<Level, Long> pendingBeyondSla, long replies, long returns, long satisfied, long dissatisfied,
      long reopens, Optional<Duration> medianResolution) {
    this(kind, code, received, disposed, disposedWithinSla, pending, pendingBeyondSla, replies, returns, satisfied,
        dissatisfied, reopens, medianResolution, 0, 0);
  }

  private static SortedMap<Level, Long> beyondSla(SortedMap<Level, Long> given, long pending) {
    SortedMap<Level, Long> copy = new TreeMap<>();
    long total = 0;
    for (Map.Entry<Level, Long> e : given.entrySet()) {
      if (e.getKey() == null) {
        throw new InvalidInputException("pendingBeyondSla", "holds a count without a level");
      }
      String field = "pendingBeyondSla." + e.getKey();
      long count = Texts.required(e.getValue(), field);
      nonNegative(count, field);
      if (count > 0) {
        copy.put(e.getKey(), count);
        total += count;
      }
    }
    if (total > pending) {
      throw new InvalidInputException(
          "pendingBeyondSla", "total " + total + " must not exceed pending " + pending + " (was " + copy + ")");
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void nonNegative(long count, String field) {
    if (count < 0) {
      throw new InvalidInputException(field, "must not be negative (was " + count + ")");
    }
  }

  /**
   * The pending complaints beyond their SLA, at every level.
   *
   * @return the total of {@link #pendingBeyondSla()}
   */
  public long pendingBeyondSlaTotal() {
    return pendingBeyondSla.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The share of the work on hand that was done: {@code disposed / (disposed + pending)}.
   *
   * @return the rate, 0 to 1; empty if nothing was disposed or pending
   */
  public Optional<Double> disposalRate() {
    return rate(disposed, disposed + pending);
  }

  /**
   * The share of disposals made within the SLA: {@code disposedWithinSla / disposed}.
   *
   * @return the rate, 0 to 1; empty if nothing was disposed
   */
  public Optional<Double> slaComplianceRate() {
    return rate(disposedWithinSla, disposed);
  }

  /**
   * The share of verifications that found the citizen satisfied:
   * {@code satisfied / (satisfied + dissatisfied)}.
   *
   * @return the rate, 0 to 1; empty if no citizen was asked
   */
  public Optional<Double> satisfactionRate() {
    return rate(satisfied, satisfied + dissatisfied);
  }

  /**
   * Replies returned as of poor quality per reply filed: {@code returns / replies}. It may exceed
   * 1 when replies filed before the period are returned inside it.
   *
   * @return the rate, not negative; empty if no reply was filed
   */
  public Optional<Double> returnedRate() {
    return rate(returns, replies);
  }

  /**
   * Reopenings per reply filed: {@code reopens / replies}. It may exceed 1 when complaints
   * answered before the period reopen inside it.
   *
   * @return the rate, not negative; empty if no reply was filed
   */
  public Optional<Double> reopenedRate() {
    return rate(reopens, replies);
  }

  /**
   * The share of first responses due in the period that were made by their deadline:
   * {@code firstResponsesInTime / firstResponsesDue}.
   *
   * @return the rate, 0 to 1; empty if no first response was due
   */
  public Optional<Double> firstResponseRate() {
    return rate(firstResponsesInTime, firstResponsesDue);
  }

  private static Optional<Double> rate(long part, long whole) {
    return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
  }
}
