package org.nivaran.grievance.complaint;

import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/** The one rule for a citizen's rating, shared by commands, events and restored complaints. */
final class Ratings {
  static final int MIN = 1;
  static final int MAX = 5;

  private Ratings() {}

  /**
   * Checks an optional rating.
   *
   * @param rating the rating, if any
   * @return the rating
   * @throws InvalidInputException (field {@code rating}) outside 1 to 5
   */
  static Optional<Integer> check(Optional<Integer> rating) {
    Texts.required(rating, "rating").ifPresent(r -> {
      if (r < MIN || r > MAX) {
        throw new InvalidInputException("rating", "must be between " + MIN + " and " + MAX + " (was " + r + ")");
      }
    });
    return rating;
  }
}
