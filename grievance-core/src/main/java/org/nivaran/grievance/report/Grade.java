package org.nivaran.grievance.report;

/**
 * The grade band of a score, {@link #A} the best; {@link GradingScheme} sets the bands.
 *
 * <p>Immutable and thread-safe.
 */
public enum Grade {
  /** The best band: a score at or above the scheme's {@link GradingScheme#bandA() A band}. */
  A,
  /** A score at or above the scheme's {@link GradingScheme#bandB() B band}, below A. */
  B,
  /** A score at or above the scheme's {@link GradingScheme#bandC() C band}, below B. */
  C,
  /** Any score below the C band. */
  D
}
