package org.nivaran.grievance.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Decimals;
import org.nivaran.grievance.internal.Texts;

/**
 * How a unit's figures become a score and a grade: a weight for each of five measures, and the
 * lowest scores of the A, B and C bands.
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
 * <pre>{@code
 * GradingScheme standard = GradingScheme.standard();        // 25, 25, 30, 10, 10; A 80, B 60, C 40
 * GradingScheme citizenFirst = GradingScheme.builder()      // starts from the standard values
 *     .satisfactionWeight(50)
 *     .bands(85, 65, 45)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GradingScheme {
  private static final GradingScheme STANDARD = new Builder().build();

  private final double disposalWeight;
  private final double slaComplianceWeight;
  private final double satisfactionWeight;
  private final double returnedWeight;
  private final double reopenedWeight;
  private final double firstResponseWeight;
  private final double bandA;
  private final double bandB;
  private final double bandC;

  private GradingScheme(Builder b) {
    this.disposalWeight = b.disposalWeight;
    this.slaComplianceWeight = b.slaComplianceWeight;
    this.satisfactionWeight = b.satisfactionWeight;
    this.returnedWeight = b.returnedWeight;
    this.reopenedWeight = b.reopenedWeight;
    this.firstResponseWeight = b.firstResponseWeight;
    this.bandA = b.bandA;
    this.bandB = b.bandB;
    this.bandC = b.bandC;
  }

  /**
   * The standard scheme: weights disposal 25, SLA compliance 25, satisfaction 30, returned
   * replies 10, reopenings 10; A from 80, B from 60, C from 40, else D.
   *
   * @return the standard scheme
   */
  public static GradingScheme standard() {
    return STANDARD;
  }

  /**
   * A builder holding the {@linkplain #standard() standard} weights and bands, to change some.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this scheme's weights and bands, to change some.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .disposalWeight(disposalWeight)
        .slaComplianceWeight(slaComplianceWeight)
        .satisfactionWeight(satisfactionWeight)
        .returnedWeight(returnedWeight)
        .reopenedWeight(reopenedWeight)
        .firstResponseWeight(firstResponseWeight)
        .bands(bandA, bandB, bandC);
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
    double[] sums = new double[2];
    add(sums, disposalWeight, figures.disposalRate());
    add(sums, slaComplianceWeight, figures.slaComplianceRate());
    add(sums, satisfactionWeight, figures.satisfactionRate());
    add(sums, returnedWeight, figures.returnedRate().map(GradingScheme::complement));
    add(sums, reopenedWeight, figures.reopenedRate().map(GradingScheme::complement));
    add(sums, firstResponseWeight, figures.firstResponseRate());
    if (sums[1] == 0) {
      return 0;
    }
    return Math.max(0, Math.min(100, 100 * sums[0] / sums[1]));
  }

  /**
   * The score of a unit's figures rounded half up to 2 decimal places, computed exactly: every
   * measure is a ratio of counts and every weight a decimal, so the weighted mean is a fraction of
   * whole numbers, rounded once. Two units whose scores are equal are therefore equal here, which
   * rounding {@link #score}'s double (71.875 computed as 71.87499999999999) does not promise.
   *
   * @param figures the unit's figures
   * @return the rounded score, 0.00 to 100.00
   * @throws InvalidInputException (field {@code figures}) if the figures are missing
   */
  public BigDecimal roundedScore(UnitFigures figures) {
    Texts.required(figures, "figures");
    BigInteger[] sum = {BigInteger.ZERO, BigInteger.ONE}; // Σ wᵢ·mᵢ as a fraction
    BigInteger[] weights = {BigInteger.ZERO, BigInteger.ONE}; // Σ wᵢ as a fraction
    long disposed = figures.disposed();
    long replies = figures.replies();
    addExact(sum, weights, disposalWeight, disposed, disposed + figures.pending());
    addExact(sum, weights, slaComplianceWeight, figures.disposedWithinSla(), disposed);
    addExact(sum, weights, satisfactionWeight, figures.satisfied(), figures.satisfied() + figures.dissatisfied());
    addExact(sum, weights, returnedWeight, replies - Math.min(figures.returns(), replies), replies);
    addExact(sum, weights, reopenedWeight, replies - Math.min(figures.reopens(), replies), replies);
    addExact(sum, weights, firstResponseWeight, figures.firstResponsesInTime(), figures.firstResponsesDue());
    if (weights[0].signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    // 100 · (sum) / (weights)
    BigInteger num = sum[0].multiply(weights[1]).multiply(BigInteger.valueOf(100));
    BigInteger den = sum[1].multiply(weights[0]);
    BigDecimal score = new BigDecimal(num).divide(new BigDecimal(den), 2, RoundingMode.HALF_UP);
    return score.max(BigDecimal.ZERO.setScale(2)).min(BigDecimal.valueOf(10_000, 2));
  }

  /** Adds {@code weight · part / whole} to {@code sum} and {@code weight} to {@code weights}, if the measure is present. */
  private static void addExact(BigInteger[] sum, BigInteger[] weights, double weight, long part, long whole) {
    if (whole <= 0 || !(weight > 0)) {
      return;
    }
    BigDecimal w = BigDecimal.valueOf(weight);
    BigInteger wNum = w.unscaledValue();
    BigInteger wDen = w.scale() >= 0 ? BigInteger.TEN.pow(w.scale()) : BigInteger.ONE;
    if (w.scale() < 0) {
      wNum = wNum.multiply(BigInteger.TEN.pow(-w.scale()));
    }
    // sum += wNum·part / (wDen·whole)
    BigInteger tNum = wNum.multiply(BigInteger.valueOf(part));
    BigInteger tDen = wDen.multiply(BigInteger.valueOf(whole));
    sum[0] = sum[0].multiply(tDen).add(tNum.multiply(sum[1]));
    sum[1] = sum[1].multiply(tDen);
    weights[0] = weights[0].multiply(wDen).add(wNum.multiply(weights[1]));
    weights[1] = weights[1].multiply(wDen);
  }

  private static double complement(double rate) {
    return 1 - Math.min(rate, 1);
  }

  private static void add(double[] sums, double weight, Optional<Double> measure) {
    if (measure.isPresent() && weight > 0) {
      sums[0] += weight * measure.get();
      sums[1] += weight;
    }
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
   * The weight of the disposal rate.
   *
   * @return the weight, not negative
   */
  public double disposalWeight() {
    return disposalWeight;
  }

  /**
   * The weight of the SLA compliance rate.
   *
   * @return the weight, not negative
   */
  public double slaComplianceWeight() {
    return slaComplianceWeight;
  }

  /**
   * The weight of the satisfaction rate.
   *
   * @return the weight, not negative
   */
  public double satisfactionWeight() {
    return satisfactionWeight;
  }

  /**
   * The weight of one minus the returned rate.
   *
   * @return the weight, not negative
   */
  public double returnedWeight() {
    return returnedWeight;
  }

  /**
   * The weight of one minus the reopened rate.
   *
   * @return the weight, not negative
   */
  public double reopenedWeight() {
    return reopenedWeight;
  }

  /**
   * The weight of the first-response rate.
   *
   * @return the weight, not negative; 0 unless set
   */
  public double firstResponseWeight() {
    return firstResponseWeight;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof GradingScheme s
        && Double.compare(disposalWeight, s.disposalWeight) == 0
        && Double.compare(slaComplianceWeight, s.slaComplianceWeight) == 0
        && Double.compare(satisfactionWeight, s.satisfactionWeight) == 0
        && Double.compare(returnedWeight, s.returnedWeight) == 0
        && Double.compare(reopenedWeight, s.reopenedWeight) == 0
        && Double.compare(firstResponseWeight, s.firstResponseWeight) == 0
        && Double.compare(bandA, s.bandA) == 0
        && Double.compare(bandB, s.bandB) == 0
        && Double.compare(bandC, s.bandC) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new double[] {
        disposalWeight, slaComplianceWeight, satisfactionWeight, returnedWeight, reopenedWeight, firstResponseWeight,
        bandA, bandB, bandC});
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "GradingScheme[weights: disposal %s, SLA compliance %s, satisfaction %s, returned %s, reopened %s,"
            + " first response %s; bands: A %s, B %s, C %s]",
        disposalWeight, slaComplianceWeight, satisfactionWeight, returnedWeight, reopenedWeight, firstResponseWeight,
        bandA, bandB, bandC);
  }

  /**
   * Builds a {@link GradingScheme}; starts from the standard weights and bands. Not thread-safe;
   * {@link #build()} copies its values.
   */
  public static final class Builder {
    private double disposalWeight = 25;
    private double slaComplianceWeight = 25;
    private double satisfactionWeight = 30;
    private double returnedWeight = 10;
    private double reopenedWeight = 10;
    private double firstResponseWeight = 0;
    private double bandA = 80;
    private double bandB = 60;
    private double bandC = 40;

    private Builder() {}

    /**
     * The weight of the disposal rate; 25 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder disposalWeight(double weight) {
      this.disposalWeight = weight;
      return this;
    }

    /**
     * The weight of the SLA compliance rate; 25 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder slaComplianceWeight(double weight) {
      this.slaComplianceWeight = weight;
      return this;
    }

    /**
     * The weight of the satisfaction rate; 30 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder satisfactionWeight(double weight) {
      this.satisfactionWeight = weight;
      return this;
    }

    /**
     * The weight of one minus the returned rate; 10 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder returnedWeight(double weight) {
      this.returnedWeight = weight;
      return this;
    }

    /**
     * The weight of one minus the reopened rate; 10 by default.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder reopenedWeight(double weight) {
      this.reopenedWeight = weight;
      return this;
    }

    /**
     * The weight of the first-response rate; 0 by default, so a scheme scores first responses only
     * when asked to.
     *
     * @param weight not negative
     * @return this builder
     */
    public Builder firstResponseWeight(double weight) {
      this.firstResponseWeight = weight;
      return this;
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
     * Builds the scheme.
     *
     * @return the scheme
     * @throws InvalidInputException naming the field ({@code disposalWeight},
     *     {@code slaComplianceWeight}, {@code satisfactionWeight}, {@code returnedWeight},
     *     {@code reopenedWeight}, {@code firstResponseWeight}, {@code weights}, {@code bandA}, {@code bandB} or {@code bandC}) if
     *     a weight is negative or not a finite number, every weight is 0 (or their sum is not
     *     finite), or the bands are not
     *     {@code 100 >= a > b > c >= 0}
     */
    public GradingScheme build() {
      weight(disposalWeight, "disposalWeight");
      weight(slaComplianceWeight, "slaComplianceWeight");
      weight(satisfactionWeight, "satisfactionWeight");
      weight(returnedWeight, "returnedWeight");
      weight(reopenedWeight, "reopenedWeight");
      weight(firstResponseWeight, "firstResponseWeight");
      double total = disposalWeight + slaComplianceWeight + satisfactionWeight + returnedWeight + reopenedWeight
          + firstResponseWeight;
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
      return new GradingScheme(this);
    }

    private static void weight(double weight, String field) {
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new InvalidInputException(field, "must be a finite number, at least 0 (was " + weight + ")");
      }
    }
  }
}
