package org.nivaran.grievance.report;

import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * What one {@link Indicator} gave a unit's score: its measure, its weight in the scheme, and the
 * points it contributed. The points of a unit's {@linkplain GradedUnit#breakdown() breakdown} add
 * up to its score exactly; {@link GradingScheme#breakdown} says how they are rounded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param indicator the indicator
 * @param measure its {@linkplain Indicator#measure measure}, 0 to 1; empty when there was nothing
 *     to judge it on, so that it was left out of the score
 * @param weight its weight in the scheme, not negative
 * @param points the points it contributed to the score, 0 to 100, 2 decimal places; 0 when the
 *     measure is empty or the weight 0
 */
public record IndicatorScore(Indicator indicator, Optional<Double> measure, double weight, double points) {
  /**
   * Checks the fields.
   *
   * @param indicator the indicator
   * @param measure its measure, 0 to 1, or empty
   * @param weight its weight, not negative
   * @param points the points it contributed, 0 to 100
   * @throws InvalidInputException naming the field, if one is missing, the measure is not from 0
   *     to 1, the weight is negative or not finite, or the points are not from 0 to 100
   */
  public IndicatorScore {
    Texts.required(indicator, "indicator");
    Texts.required(measure, "measure");
    if (measure.isPresent() && !(measure.get() >= 0 && measure.get() <= 1)) {
      throw new InvalidInputException("measure", "must be from 0 to 1 (was " + measure.get() + ")");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new InvalidInputException("weight", "must be a finite number, at least 0 (was " + weight + ")");
    }
    if (!(points >= 0 && points <= 100)) {
      throw new InvalidInputException("points", "must be from 0 to 100 (was " + points + ")");
    }
  }
}
