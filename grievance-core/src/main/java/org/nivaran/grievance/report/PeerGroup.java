package org.nivaran.grievance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A band of volume whose units are ranked among themselves, as the Grievance Redressal
 * Assessment Index ranks ministries among those of a similar volume. The volume of a unit is the
 * number of complaints it {@linkplain UnitFigures#received() received} in the period;
 * {@link GradingScheme.Builder#peerGroups} sets the bands.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the group's place among the scheme's groups, from 1 (the smallest volumes)
 * @param lowest the fewest complaints received a unit of the group has, at least 0
 * @param highest the most complaints received a unit of the group has, at least {@code lowest};
 *     empty for the last group, which has no upper bound
 */
public record PeerGroup(int number, long lowest, Optional<Long> highest) {
  /** The one group of a scheme without volume bands: every unit, whatever its volume. */
  public static final PeerGroup ALL = new PeerGroup(1, 0, Optional.empty());

  /**
   * Checks the fields.
   *
   * @param number the group's place, from 1
   * @param lowest the fewest complaints received in the group, at least 0
   * @param highest the most complaints received in the group, or empty
   * @throws InvalidInputException naming the field, if one is missing, {@code number} is below 1,
   *     {@code lowest} negative or {@code highest} below {@code lowest}
   */
  public PeerGroup {
    if (number < 1) {
      throw new InvalidInputException("number", "must be at least 1 (was " + number + ")");
    }
    if (lowest < 0) {
      throw new InvalidInputException("lowest", "must not be negative (was " + lowest + ")");
    }
    Texts.required(highest, "highest");
    if (highest.isPresent() && highest.get() < lowest) {
      throw new InvalidInputException("highest", "must be at least lowest " + lowest + " (was " + highest.get() + ")");
    }
  }

  /**
   * Whether a volume falls in this group.
   *
   * @param received complaints received in the period
   * @return whether {@code lowest <= received <= highest} (no upper limit if {@code highest} is
   *     empty)
   */
  public boolean contains(long received) {
    return received >= lowest && (highest.isEmpty() || received <= highest.get());
  }

  /**
   * The group's bounds for people: {@code 100–499 received} (an en dash), {@code 500 or more
   * received}, or {@code any volume} for {@link #ALL}.
   *
   * @return the label
   */
  public String label() {
    if (highest.isEmpty()) {
      return lowest == 0 ? "any volume" : lowest + " or more received";
    }
    return lowest + "\u2013" + highest.get() + " received";
  }

  /** Refuses bounds that are negative, not strictly increasing, or leave the last group no room. */
  static void checkBounds(long[] bounds, String field) {
    for (int i = 0; i < bounds.length; i++) {
      long bound = bounds[i];
      String at = field + "[" + i + "]";
      if (bound < 0) {
        throw new InvalidInputException(at, "must not be negative (was " + bound + ")");
      }
      if (i > 0 && bound <= bounds[i - 1]) {
        throw new InvalidInputException(at, "must be above the bound before it, " + bounds[i - 1] + " (was " + bound + ")");
      }
      if (bound == Long.MAX_VALUE) {
        throw new InvalidInputException(at, "must be below " + Long.MAX_VALUE + ", leaving the last group room");
      }
    }
  }

  /** The groups of checked upper bounds: one per bound, then the open last one. */
  static List<PeerGroup> of(List<Long> bounds) {
    List<PeerGroup> groups = new ArrayList<>();
    long lowest = 0;
    for (long bound : bounds) {
      groups.add(new PeerGroup(groups.size() + 1, lowest, Optional.of(bound)));
      lowest = bound + 1;
    }
    groups.add(new PeerGroup(groups.size() + 1, lowest, Optional.empty()));
    return List.copyOf(groups);
  }
}
