package org.nivaran.grievance.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A department or district with its figures, score, grade and ranks, and its score broken down by
 * indicator, as {@link Grading} gives it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param figures what the unit did in the period
 * @param score its {@linkplain GradingScheme#roundedScore score}, 0 to 100, rounded half up to 2 decimal
 *     places (the precision grades and ranks are decided at)
 * @param grade the scheme's {@linkplain GradingScheme#grade grade} for the score
 * @param rank its place among the units of its kind, from 1: one more than the number of units
 *     with a higher score, so that equal scores share a rank (1, 2, 2, 4)
 * @param peerGroup its {@linkplain GradingScheme#peerGroupOf peer group}, by the complaints it
 *     received
 * @param peerRank its place among the units of its kind in its peer group, by the same rule as
 *     {@code rank}: one more than the number of its peers with a higher score; at most
 *     {@code rank}
 * @param peerCount the number of units of its kind in its peer group, itself included
 * @param breakdown its {@linkplain GradingScheme#breakdown score by indicator}, whose points add up
 *     to {@code score}; an unmodifiable list
 */
public record GradedUnit(
    UnitFigures figures,
    double score,
    Grade grade,
    int rank,
    PeerGroup peerGroup,
    int peerRank,
    int peerCount,
    List<IndicatorScore> breakdown) {
  /**
   * Checks the fields and copies the breakdown.
   *
   * @param figures what the unit did in the period
   * @param score its score, 0 to 100
   * @param grade its grade
   * @param rank its rank, from 1
   * @param peerGroup its peer group
   * @param peerRank its rank among its peers, from 1
   * @param peerCount the number of its peers, itself included
   * @param breakdown its score by indicator
   * @throws InvalidInputException naming the field, if one is missing, the score is not a number
   *     from 0 to 100, the rank is below 1, the peer group does not hold the figures'
   *     {@code received}, the peer rank is below 1 or above {@code rank} or {@code peerCount}, the
   *     breakdown holds an indicator twice ({@code breakdown[i].indicator}) or its points do not
   *     add up to the score to the hundredth
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
    Texts.required(peerGroup, "peerGroup");
    if (!peerGroup.contains(figures.received())) {
      throw new InvalidInputException(
          "peerGroup", "must hold the unit's " + figures.received() + " complaints received (was " + peerGroup.label() + ")");
    }
    if (peerCount < 1) {
      throw new InvalidInputException("peerCount", "must be at least 1 (was " + peerCount + ")");
    }
    if (peerRank < 1 || peerRank > peerCount || peerRank > rank) {
      throw new InvalidInputException("peerRank",
          "must be from 1 to peerCount " + peerCount + " and rank " + rank + " (was " + peerRank + ")");
    }
    Texts.required(breakdown, "breakdown");
    Set<Indicator> seen = EnumSet.noneOf(Indicator.class);
    int i = 0;
    for (IndicatorScore s : breakdown) {
      Texts.required(s, "breakdown[" + i + "]");
      if (!seen.add(s.indicator())) {
        throw new InvalidInputException("breakdown[" + i + "].indicator", "repeats " + s.indicator());
      }
      i++;
    }
    breakdown = List.copyOf(breakdown);
    BigDecimal points = ScoreBreakdown.total(breakdown);
    if (points.compareTo(BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP)) != 0) {
      throw new InvalidInputException("breakdown", "points add up to " + points + ", not the score " + score);
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
