package org.nivaran.grievance.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Decimals;
import org.nivaran.grievance.internal.Texts;

/**
 * How a unit's figures become a score and a grade: a weight for each of the {@link Indicator}s,
 * the lowest scores of the A, B and C bands, and the volume bands of the {@link PeerGroup}s units
 * are also ranked in.
 *
 * <p>The measures, each from 0 (worst) to 1 (best), are the {@link UnitFigures#disposalRate()
 * disposal rate}, the {@link UnitFigures#slaComplianceRate() SLA compliance rate}, the
 * {@link UnitFigures#satisfactionRate() satisfaction rate}, one minus the
 * {@link UnitFigures#returnedRate() returned rate} and one minus the
 * {@link UnitFigures#reopenedRate() reopened rate} (a returned or reopened rate above 1 counts as
 * 1, so that measure is 0), and an optional sixth, the {@link UnitFigures#firstResponseRate()
 * first-response rate}, whose weight is 0 unless set. The score is the weighted mean of the measures a unit has, times 100:
 *
 * <pre>
 * score = 100 × Σ wᵢ·mᵢ / Σ wᵢ    over the measures whose rate is present
 * </pre>
 *
 * <p>A measure whose rate is empty (nothing to judge it on) is left out, numerator and
 * denominator alike; if no measure with a weight above 0 is present, the score is 0.
 *
 * <p>The score is broken down by indicator in {@link #breakdown}: each indicator's points are
 * its share {@code 100 × wᵢ·mᵢ / Σ wᵢ} of the score.
 *
 * <p>Units are ranked among all units of their kind and among their peers: the units of their
 * kind in the same {@linkplain #peerGroupOf peer group}, by the number of complaints received in
 * the period. The standard scheme has one group, every unit; {@link Builder#peerGroups} sets
 * volume bands.
 *
 * <pre>{@code
 * GradingScheme standard = GradingScheme.standard();        // 25, 25, 30, 10, 10; A 80, B 60, C 40
 * GradingScheme citizenFirst = GradingScheme.builder()      // starts from the standard values
 *     .satisfactionWeight(50)
 *     .bands(85, 65, 45)
 *     .peerGroups(99, 499)                                  // 0–99, 100–499, 500 or more received
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GradingScheme {
  private static final GradingScheme STANDARD = new Builder().build();

  private final Map<Indicator, Double> weights;
  private final double bandA;
  private final double bandB;
  private final double bandC;
  private final List<Long> peerGroupBounds;
  private final List<PeerGroup> peerGroups;

  private GradingScheme(Builder b) {
    this.weights = java.util.Collections.unmodifiableMap(new EnumMap<>(b.weights));
    this.bandA = b.bandA;
    this.bandB = b.bandB;
    this.bandC = b.bandC;
    this.peerGroupBounds = java.util.Arrays.stream(b.peerGroupBounds).boxed().toList();
    this.peerGroups = PeerGroup.of(peerGroupBounds);
  }

  /**
   * The standard scheme: weights disposal 25, SLA compliance 25, satisfaction 30, returned
   * replies 10, reopenings 10 (each {@link Indicator#standardWeight()}); A from 80, B from 60, C
   * from 40, else D; one peer group, every unit.
   *
   * @return the standard scheme
   */
  public static GradingScheme standard() {
    return STANDARD;
  }

  /**
   * A builder holding the {@linkplain #standard() standard} weights, bands and peer group, to
   * change some.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this scheme's weights, bands and peer groups, to change some.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    weights.forEach(b::weight);
    return b.bands(bandA, bandB, bandC).peerGroups(peerGroupBounds.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * The score of a unit's figures: {@code 100 × Σ wᵢ·mᵢ / Σ wᵢ} over the measures whose rate is
   * present (see the class description), not rounded.
   *
   * @param figures the unit's figures
   * @return the score, 0 to 100; 0 if no weighted measure is present
   * @throws InvalidInputException (field {@code figures}) if the figures are missing
   */
  public double score(UnitFigures figures) {
    Texts.required(figures, "figures");
    double sum = 0;
    double total = 0;
    for (Indicator i : Indicator.values()) {
      double w = weights.get(i);
      Optional<Double> measure = i.measure(figures);
      if (measure.isPresent() && w > 0) {
        sum += w * measure.get();
        total += w;
      }
    }
    if (total == 0) {
      return 0;
    }
    return Math.max(0, Math.min(100, 100 * sum / total));
  }

  /**
   * The score of a unit's figures rounded half up to 2 decimal places, computed exactly: every
   * measure is a ratio of counts and every weight a decimal, so the weighted mean is a fraction of
   * whole numbers, rounded once. Two units whose scores are equal are therefore equal here, which
   * rounding {@link #score}'s double (71.875 computed as 71.87499999999999) does not promise.
   *
   * @param figures the unit's figures
   * @return the rounded score, 0.00 to 100.00; the sum of the points of {@link #breakdown}
   * @throws InvalidInputException (field {@code figures}) if the figures are missing
   */
  public BigDecimal roundedScore(UnitFigures figures) {
    return ScoreBreakdown.total(breakdown(figures));
  }

  /**
   * The score of a unit's figures broken down by indicator: one entry per {@link Indicator}, in
   * declaration order, with its measure, its weight and the points it contributed. The exact
   * points of indicator {@code i} are {@code 100 × wᵢ·mᵢ / Σ wᵢ} (0 for an indicator left out);
   * they are apportioned to hundredths by the largest remainder method: each is cut down to
   * hundredths, and the hundredths still missing from the {@linkplain #roundedScore rounded
   * score} go one each to the indicators with the largest cut-off parts (equal parts in
   * declaration order). So the points add up to the rounded score exactly, and each is within
   * 0.01 of its exact value.
   *
   * @param figures the unit's figures
   * @return the breakdown, an unmodifiable list
   * @throws InvalidInputException (field {@code figures}) if the figures are missing
   */
  public List<IndicatorScore> breakdown(UnitFigures figures) {
    Texts.required(figures, "figures");
    return ScoreBreakdown.of(weights, figures);
  }

  /**
   * The grade of a score: {@link Grade#A} at or above {@link #bandA()}, {@link Grade#B} at or
   * above {@link #bandB()}, {@link Grade#C} at or above {@link #bandC()}, else {@link Grade#D}.
   * The score is first rounded half up to 2 decimal places, as reports print it, so that a score
   * of 79.999 (shown as 80.00) is an A under the standard bands.
   *
   * @param score the score, 0 to 100
   * @return its grade
   * @throws InvalidInputException (field {@code score}) if the score is not a number from 0 to
   *     100
   */
  public Grade grade(double score) {
    if (!(score >= 0 && score <= 100)) {
      throw new InvalidInputException("score", "must be from 0 to 100 (was " + score + ")");
    }
    double rounded = Decimals.round(score, 2);
    if (rounded >= bandA) {
      return Grade.A;
    } else if (rounded >= bandB) {
      return Grade.B;
    } else if (rounded >= bandC) {
      return Grade.C;
    }
    return Grade.D;
  }

  /**
   * The weight of an indicator.
   *
   * @param indicator the indicator
   * @return the weight, not negative
   * @throws InvalidInputException (field {@code indicator}) if the indicator is missing
   */
  public double weight(Indicator indicator) {
    return weights.get(Texts.required(indicator, "indicator"));
  }

  /**
   * The weight of the disposal rate.
   *
   * @return the weight, not negative
   */
  public double disposalWeight() {
    return weights.get(Indicator.DISPOSAL);
  }

  /**
   * The weight of the SLA compliance rate.
   *
   * @return the weight, not negative
   */
  public double slaComplianceWeight() {
    return weights.get(Indicator.SLA_COMPLIANCE);
  }

  /**
   * The weight of the satisfaction rate.
   *
   * @return the weight, not negative
   */
  public double satisfactionWeight() {
    return weights.get(Indicator.SATISFACTION);
  }

  /**
   * The weight of one minus the returned rate.
   *
   * @return the weight, not negative
   */
  public double returnedWeight() {
    return weights.get(Indicator.RETURNED);
  }

  /**
   * The weight of one minus the reopened rate.
   *
   * @return the weight, not negative
   */
  public double reopenedWeight() {
    return weights.get(Indicator.REOPENED);
  }

  /**
   * The weight of the first-response rate.
   *
   * @return the weight, not negative; 0 unless set
   */
  public double firstResponseWeight() {
    return weights.get(Indicator.FIRST_RESPONSE);
  }

  /**
   * The lowest score graded {@link Grade#A}.
   *
   * @return the band's lower bound, at most 100
   */
  public double bandA() {
    return bandA;
  }

  /**
   * The lowest score graded {@link Grade#B}.
   *
   * @return the band's lower bound, below {@link #bandA()}
   */
  public double bandB() {
    return bandB;
  }

  /**
   * The lowest score graded {@link Grade#C}; below it, {@link Grade#D}.
   *
   * @return the band's lower bound, below {@link #bandB()} and at least 0
   */
  public double bandC() {
    return bandC;
  }

  /**
   * The upper bounds of the peer groups but the last, as given to {@link Builder#peerGroups}.
   *
   * @return the bounds, strictly increasing; empty for one group of every unit; an unmodifiable
   *     list
   */
  public List<Long> peerGroupBounds() {
    return peerGroupBounds;
  }

  /**
   * The peer groups, from the smallest volumes up: one more than {@link #peerGroupBounds()}.
   *
   * @return the groups, numbered from 1; just {@link PeerGroup#ALL} without bounds; an
   *     unmodifiable list
   */
  public List<PeerGroup> peerGroups() {
    return peerGroups;
  }

  /**
   * The peer group of a unit: the group whose bounds hold the number of complaints it
   * {@linkplain UnitFigures#received() received} in the period.
   *
   * @param figures the unit's figures
   * @return its group, one of {@link #peerGroups()}
   * @throws InvalidInputException (field {@code figures}) if the figures are missing
   */
  public PeerGroup peerGroupOf(UnitFigures figures) {
    Texts.required(figures, "figures");
    for (PeerGroup g : peerGroups) {
      if (g.contains(figures.received())) {
        return g;
      }
    }
    throw new IllegalStateException("no peer group holds " + figures.received()); // the last has no upper bound
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GradingScheme s
        && weights.equals(s.weights) // Double.equals: as Double.compare
        && Double.compare(bandA, s.bandA) == 0
        && Double.compare(bandB, s.bandB) == 0
        && Double.compare(bandC, s.bandC) == 0
        && peerGroupBounds.equals(s.peerGroupBounds);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(weights, bandA, bandB, bandC, peerGroupBounds);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GradingScheme[weights: %s; bands: A %s, B %s, C %s; peer groups: %s]",
        weights.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")),
        bandA, bandB, bandC, peerGroups.stream().map(PeerGroup::label).collect(Collectors.joining(", ")));
  }

  /**
   * Builds a {@link GradingScheme}; starts from the standard weights, bands and peer group. Not
   * thread-safe; {@link #build()} copies its values.
   */
  public static final class Builder {
    private final Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
    private double bandA = 80;
    private double bandB = 60;
    private double bandC = 40;
    private long[] peerGroupBounds = {};

    private Builder() {
      for (Indicator i : Indicator.values()) {
        weights.put(i, i.standardWeight());
      }
    }

    /**
     * The weight of an indicator; its {@link Indicator#standardWeight()} by default.
     *
     * @param indicator the indicator
     * @param weight not negative
     * @return this builder
     * @throws InvalidInputException (field {@code indicator}) if the indicator is missing
     */
    public Builder weight(Indicator indicator, double weight) {
      weights.put(Texts.required(indicator, "indicator"), weight);
      return this;
    }

    /**
     * The weight of the disposal rate; 25 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder disposalWeight(double weight) {
      return weight(Indicator.DISPOSAL, weight);
    }

    /**
     * The weight of the SLA compliance rate; 25 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder slaComplianceWeight(double weight) {
      return weight(Indicator.SLA_COMPLIANCE, weight);
    }

    /**
     * The weight of the satisfaction rate; 30 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder satisfactionWeight(double weight) {
      return weight(Indicator.SATISFACTION, weight);
    }

    /**
     * The weight of one minus the returned rate; 10 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder returnedWeight(double weight) {
      return weight(Indicator.RETURNED, weight);
    }

    /**
     * The weight of one minus the reopened rate; 10 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder reopenedWeight(double weight) {
      return weight(Indicator.REOPENED, weight);
    }

    /**
     * The weight of the first-response rate; 0 by default, so a scheme scores first responses only
     * when asked to.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder firstResponseWeight(double weight) {
      return weight(Indicator.FIRST_RESPONSE, weight);
    }

    /**
     * The lowest scores of the A, B and C bands; 80, 60 and 40 by default.
     *
     * @param a the lowest A score, at most 100
     * @param b the lowest B score, below {@code a}
     * @param c the lowest C score, below {@code b} and at least 0
     * @return this builder
     */
    public Builder bands(double a, double b, double c) {
      this.bandA = a;
      this.bandB = b;
      this.bandC = c;
      return this;
    }

    /**
     * The volume bands of the peer groups: the most complaints received in the period a unit of
     * each group but the last may have. {@code peerGroups(99, 499)} makes three groups, 0–99,
     * 100–499 and 500 or more received; {@code peerGroups()} (the default) one group of every
     * unit, so that the peer rank is the overall rank.
     *
     * @param upperBounds the groups' upper bounds, inclusive, strictly increasing, at least 0
     * @return this builder
     * @throws InvalidInputException (field {@code upperBounds}) if the array is missing
     */
    public Builder peerGroups(long... upperBounds) {
      this.peerGroupBounds = Texts.required(upperBounds, "upperBounds").clone();
      return this;
    }

    /**
     * Builds the scheme.
     *
     * @return the scheme
     * @throws InvalidInputException naming the field ({@code disposalWeight},
     *     {@code slaComplianceWeight}, {@code satisfactionWeight}, {@code returnedWeight},
     *     {@code reopenedWeight} (the indicator's key in camelCase, then {@code Weight}),
     *     {@code weights}, {@code bandA}, {@code bandB}, {@code bandC}, or
     *     {@code peerGroups[i]}) if a weight is negative or not a finite number, every weight is 0
     *     (or their sum is not finite), the bands are not {@code 100 >= a > b > c >= 0}, or a
     *     peer group bound is negative or not above the one before it
     */
    public GradingScheme build() {
      double total = 0;
      for (Map.Entry<Indicator, Double> e : weights.entrySet()) {
        weight(e.getValue(), weightField(e.getKey()));
        total += e.getValue();
      }
      if (total == 0) {
        throw new InvalidInputException("weights", "must not all be 0");
      }
      if (Double.isInfinite(total)) {
        throw new InvalidInputException("weights", "must add up to a finite number");
      }
      if (!(bandA >= 0 && bandA <= 100)) {
        throw new InvalidInputException("bandA", "must be from 0 to 100 (was " + bandA + ")");
      }
      if (!(bandB >= 0 && bandB < bandA)) {
        throw new InvalidInputException("bandB", "must be at least 0 and below bandA " + bandA + " (was " + bandB + ")");
      }
      if (!(bandC >= 0 && bandC < bandB)) {
        throw new InvalidInputException("bandC", "must be at least 0 and below bandB " + bandB + " (was " + bandC + ")");
      }
      PeerGroup.checkBounds(peerGroupBounds, "peerGroups");
      return new GradingScheme(this);
    }

    private static String weightField(Indicator indicator) {
      StringBuilder field = new StringBuilder();
      boolean upper = false;
      for (char c : indicator.key().toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          field.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return field.append("Weight").toString();
    }

    private static void weight(double weight, String field) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new InvalidInputException(field, "must be a finite number, at least 0 (was " + weight + ")");
      }
    }
  }
}
