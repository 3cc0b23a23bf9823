package org.nivaran.grievance.actor;

import org.nivaran.grievance.InvalidInputException;

/**
 * The escalation rung of the post responsible for a complaint: {@code L1} is the first officer,
 * {@code L4} (or deeper) the top of the ladder. {@code L0} is allowed for a ladder that starts at
 * the department before its L1 officer, as UP's 1076 does.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rung 0 to 99
 */
public record Level(int rung) implements Comparable<Level> {
  /** The first officer's level. */
  public static final Level L1 = new Level(1);
  /** The second level. */
  public static final Level L2 = new Level(2);
  /** The third level. */
  public static final Level L3 = new Level(3);
  /** The fourth level. */
  public static final Level L4 = new Level(4);

  /**

   * * Validates the rung.
   *
   * @throws InvalidInputException (field {@code level}) outside 0 to 99

   *

   * @param rung 0 to 99

   */

  public Level {
    if (rung < 0 || rung > 99) {
      throw new InvalidInputException("level", "must be between 0 and 99 (was " + rung + ")");
    }
  }

  /**
   * The level with this rung.
   *
   * @param rung 0 to 99
   * @return the level
   */
  public static Level of(int rung) {
    return new Level(rung);
  }

  /**
   * The next rung up.
   *
   * @return this level plus one
   */
  public Level next() {
    return new Level(rung + 1);
  }

  @Override
  public int compareTo(Level other) {
    return Integer.compare(rung, other.rung);
  }

  /**
   * {@code L} and the rung, e.g. {@code L2}.
   *
   * @return the level's name
   */
  @Override
  public String toString() {
    return "L" + rung;
  }
}
