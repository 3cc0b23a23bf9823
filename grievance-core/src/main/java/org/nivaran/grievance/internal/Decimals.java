package org.nivaran.grievance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds and prints decimal figures the same way everywhere (reports, CSV, JSON): to a fixed
 * number of places, half up on the number's shortest decimal form (so that {@code 64.165} gives
 * {@code 64.17} whatever its binary approximation), with ASCII digits and a full stop whatever
 * the default locale. Stateless and thread-safe.
 */
public final class Decimals {
  private Decimals() {}

  /**
   * A finite number rounded half up to a number of decimal places.
   *
   * @param value the number, finite
   * @param places the decimal places, not negative
   * @return the rounded number, with exactly {@code places} places
   * @throws NumberFormatException if the number is not finite
   */
  public static BigDecimal rounded(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
  }

  /**
   * A finite number rounded half up to a number of decimal places, as a double.
   *
   * @param value the number, finite
   * @param places the decimal places, not negative
   * @return the double nearest the rounded number
   */
  public static double round(double value, int places) {
    return rounded(value, places).doubleValue();
  }

  /**
   * A finite number rounded half up and written with exactly a number of decimal places, e.g.
   * {@code 0.6667} or {@code 100.00}; never in exponent form, never with locale digits.
   *
   * @param value the number, finite
   * @param places the decimal places, not negative
   * @return the text
   */
  public static String fixed(double value, int places) {
    return rounded(value, places).toPlainString();
  }
}
