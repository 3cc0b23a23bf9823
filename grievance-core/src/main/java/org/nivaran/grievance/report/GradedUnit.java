package org.nivaran.grievance.report;

import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A department or district with its figures, score, grade and rank, as {@link Grading} gives it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param figures what the unit did in the period
 * @param score its {@linkplain GradingScheme#roundedScore score}, 0 to 100, rounded half up to 2 decimal
 *     places (the precision grades and ranks are decided at)
 * @param grade the scheme's {@linkplain GradingScheme#grade grade} for the score
 * @param rank its place among the units of its kind, from 1: one more than the number of units
 *     with a higher score, so that equal scores share a rank (1, 2, 2, 4)
 */
public record GradedUnit(UnitFigures figures, double score, Grade grade, int rank) {
  /**
   * Checks the fields.
   *
   * @param figures what the unit did in the period
   * @param score its score, 0 to 100
   * @param grade its grade
   * @param rank its rank, from 1
   * @throws InvalidInputException naming the field, if one is missing, the score is not a number
   *     from 0 to 100, or the rank is below 1
   */
  public GradedUnit {
    Texts.required(figures, "figures");
    if (!(score >= 0 && score <= 100)) {
      throw new InvalidInputException("score", "must be from 0 to 100 (was " + score + ")");
    }
    Texts.required(grade, "grade");
    if (rank < 1) {
      throw new InvalidInputException("rank", "must be at least 1 (was " + rank + ")");
    }
  }

  /**
   * Whether the unit is a department or a district.
   *
   * @return the figures' kind
   */
  public UnitKind kind() {
    return figures.kind();
  }

  /**
   * The department's or district's code.
   *
   * @return the figures' code
   */
  public String code() {
    return figures.code();
  }
}
