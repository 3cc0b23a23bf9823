package org.nivaran.grievance.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact arithmetic of {@link GradingScheme#breakdown} and {@link GradingScheme#roundedScore}:
 * each indicator's points as a fraction of whole numbers, the score rounded once, and the points
 * apportioned to hundredths by largest remainder so that they add up to it. Stateless and
 * thread-safe.
 */
final class ScoreBreakdown {
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private ScoreBreakdown() {}

  /** The breakdown of a unit's score, one entry per indicator in declaration order. */
  static List<IndicatorScore> of(Map<Indicator, Double> weights, UnitFigures f) {
    Indicator[] all = Indicator.values();
    int n = all.length;
    // the weights as whole numbers at one scale, so that Σ wᵢ is exact
    int scale = 0;
    for (Indicator i : all) {
      scale = Math.max(scale, BigDecimal.valueOf(weights.get(i)).stripTrailingZeros().scale());
    }
    BigInteger[] w = new BigInteger[n];
    boolean[] counted = new boolean[n];
    BigInteger total = BigInteger.ZERO;
    for (Indicator i : all) {
      int k = i.ordinal();
      w[k] = BigDecimal.valueOf(weights.get(i)).setScale(scale).unscaledValue();
      counted[k] = w[k].signum() > 0 && i.whole(f) > 0;
      if (counted[k]) {
        total = total.add(w[k]);
      }
    }
    long[] hundredths = new long[n];
    if (total.signum() > 0) {
      // the points of i in hundredths: num/den = 10 000 · wᵢ · partᵢ / (wholeᵢ · Σ w)
      BigInteger[] num = new BigInteger[n];
      BigInteger[] den = new BigInteger[n];
      BigInteger[] rem = new BigInteger[n];
      BigInteger sumNum = BigInteger.ZERO;
      BigInteger sumDen = BigInteger.ONE;
      long floors = 0;
      for (Indicator i : all) {
        int k = i.ordinal();
        if (!counted[k]) {
          continue;
        }
        num[k] = TEN_THOUSAND.multiply(w[k]).multiply(BigInteger.valueOf(i.part(f)));
        den[k] = BigInteger.valueOf(i.whole(f)).multiply(total);
        BigInteger[] qr = num[k].divideAndRemainder(den[k]);
        hundredths[k] = qr[0].longValueExact();
        rem[k] = qr[1];
        floors += hundredths[k];
        sumNum = sumNum.multiply(den[k]).add(num[k].multiply(sumDen));
        sumDen = sumDen.multiply(den[k]);
      }
      // the score in hundredths, rounded half up: floor((2·num + den) / (2·den))
      long rounded = sumNum.shiftLeft(1).add(sumDen).divide(sumDen.shiftLeft(1)).longValueExact();
      List<Integer> byRemainder = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if (counted[k]) {
          byRemainder.add(k);
        }
      }
      // largest remainder first (rem/den compared exactly); equal remainders in declaration order
      byRemainder.sort((a, b) -> {
        int c = rem[b].multiply(den[a]).compareTo(rem[a].multiply(den[b]));
        return c != 0 ? c : Integer.compare(a, b);
      });
      for (int j = 0; j < rounded - floors; j++) {
        hundredths[byRemainder.get(j)]++;
      }
    }
    List<IndicatorScore> scores = new ArrayList<>(n);
    for (Indicator i : all) {
      int k = i.ordinal();
      Optional<Double> measure = i.measure(f);
      scores.add(new IndicatorScore(i, measure, weights.get(i), BigDecimal.valueOf(hundredths[k], 2).doubleValue()));
    }
    return List.copyOf(scores);
  }

  /** The sum of the points of a breakdown, exactly, with 2 decimal places. */
  static BigDecimal total(List<IndicatorScore> scores) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (IndicatorScore s : scores) {
      sum = sum.add(BigDecimal.valueOf(s.points()).setScale(2, java.math.RoundingMode.HALF_UP));
    }
    return sum;
  }
}
