package org.nivaran.grievance.report;

import java.util.Optional;
import java.util.function.ToLongFunction;
import org.nivaran.grievance.internal.Texts;

/**
 * One measure a {@link GradingScheme} scores: a share of counts of a unit's {@link UnitFigures},
 * from 0 (worst) to 1 (best), with the scheme's weight for it. Each indicator is one entry here:
 * its name in CSV and JSON, its label, its standard weight and how its share is counted; the
 * scheme, the {@linkplain IndicatorScore score breakdown}, the CSV and JSON forms all go through
 * {@link #values()}, in declaration order.
 *
 * <p>Immutable and thread-safe.
 */
public enum Indicator {
  /** The {@linkplain UnitFigures#disposalRate() disposal rate}: disposed / (disposed + pending). */
  DISPOSAL("disposal", "disposal", 25, UnitFigures::disposed, f -> f.disposed() + f.pending()),
  /** The {@linkplain UnitFigures#slaComplianceRate() SLA compliance rate}: disposed within SLA / disposed. */
  SLA_COMPLIANCE("sla_compliance", "SLA compliance", 25, UnitFigures::disposedWithinSla, UnitFigures::disposed),
  /** The {@linkplain UnitFigures#satisfactionRate() satisfaction rate}: satisfied / verifications. */
  SATISFACTION("satisfaction", "satisfaction", 30, UnitFigures::satisfied, f -> f.satisfied() + f.dissatisfied()),
  /**
   * One minus the {@linkplain UnitFigures#returnedRate() returned rate}, a rate above 1 counting
   * as 1: (replies − returns) / replies.
   */
  RETURNED("returned", "returned", 10, f -> f.replies() - Math.min(f.returns(), f.replies()), UnitFigures::replies),
  /**
   * One minus the {@linkplain UnitFigures#reopenedRate() reopened rate}, a rate above 1 counting
   * as 1: (replies − reopens) / replies.
   */
  REOPENED("reopened", "reopened", 10, f -> f.replies() - Math.min(f.reopens(), f.replies()), UnitFigures::replies),
  /**
   * The {@linkplain UnitFigures#firstResponseRate() first-response rate}: first responses made by
   * their deadline / first responses due. Its standard weight is 0, so a scheme scores first
   * responses only when asked to ({@link GradingScheme.Builder#firstResponseWeight}).
   */
  FIRST_RESPONSE("first_response", "first response", 0, UnitFigures::firstResponsesInTime,
      UnitFigures::firstResponsesDue);

  private final String key;
  private final String label;
  private final double standardWeight;
  private final ToLongFunction<UnitFigures> part;
  private final ToLongFunction<UnitFigures> whole;

  Indicator(String key, String label, double standardWeight, ToLongFunction<UnitFigures> part,
      ToLongFunction<UnitFigures> whole) {
    this.key = key;
    this.label = label;
    this.standardWeight = standardWeight;
    this.part = part;
    this.whole = whole;
  }

  /**
   * The indicator's name in the CSV ({@code points_<key>}) and JSON forms, e.g.
   * {@code sla_compliance}.
   *
   * @return the snake_case key
   */
  public String key() {
    return key;
  }

  /**
   * The indicator's name for people, e.g. {@code SLA compliance}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The indicator's weight in the {@linkplain GradingScheme#standard() standard} scheme.
   *
   * @return the weight, not negative
   */
  public double standardWeight() {
    return standardWeight;
  }

  /**
   * The indicator's measure for a unit's figures.
   *
   * @param figures the unit's figures
   * @return the measure, 0 (worst) to 1 (best); empty if there is nothing to judge it on (its
   *     denominator is 0)
   * @throws org.nivaran.grievance.InvalidInputException (field {@code figures}) if the figures
   *     are missing
   */
  public Optional<Double> measure(UnitFigures figures) {
    Texts.required(figures, "figures");
    long w = whole(figures);
    return w == 0 ? Optional.empty() : Optional.of((double) part(figures) / w);
  }

  /** The numerator of the measure, from 0 to {@link #whole}. */
  long part(UnitFigures figures) {
    return part.applyAsLong(figures);
  }

  /** The denominator of the measure; 0 if there is nothing to judge it on. */
  long whole(UnitFigures figures) {
    return whole.applyAsLong(figures);
  }
}
