package org.nivaran.grievance.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.store.GeoBox;

/**
 * One category's repeat-by-distance rule in a {@link DuplicatePolicy}: an open complaint of the
 * category whose location lies within {@code radiusMetres} of a new registration's (great-circle
 * distance on the mean Earth radius, see {@link org.nivaran.grievance.complaint.Distance}) and which
 * was registered within {@code window} before it, whatever the caller's number, is a repeat; the
 * {@link Mode} says whether it is linked at once or left for the agent to confirm.
 *
 * <p>Immutable and thread-safe.
 *
 * @param radiusMetres how far apart two complaints may lie, in metres, more than 0 and at most
 *     {@value #MAX_RADIUS_METRES}
 * @param window how long before the new registration the earlier one may have been registered;
 *     positive
 * @param mode link automatically, or flag for the agent's confirmation
 */
public record DistanceRule(double radiusMetres, Duration window, Mode mode) {
  /** The greatest radius a rule may have: 100 km, far beyond any street-level repeat. */
  public static final double MAX_RADIUS_METRES = 100_000;

  /** What becomes of a registration that has a repeat within the rule's distance and time. */
  public enum Mode {
    /**
     * Recorded on the nearest such open complaint as a {@code DuplicateLinked} event, with no new
     * complaint (outcome {@code LINKED}), as the caller's-number path does, when an agent or the
     * system registers it. A citizen's own registration is never linked to another person's
     * complaint, nor an officer's or supervisor's: theirs are treated as under {@link #CONFIRM}.
     */
    LINK,
    /**
     * A new complaint is made and flagged
     * {@link org.nivaran.grievance.complaint.ComplaintFlag#POSSIBLE_REPEAT}, its flag event naming
     * the candidates, nearest first; the agent then links it or clears the flag.
     */
    CONFIRM
  }

  /**
   * Checks the parts.
   *
   * @param radiusMetres more than 0 and at most {@value #MAX_RADIUS_METRES}
   * @param window positive
   * @param mode the mode
   * @throws InvalidInputException naming {@code radiusMetres}, {@code window} or {@code mode}
   */
  public DistanceRule {
    if (!(radiusMetres > 0 && radiusMetres <= MAX_RADIUS_METRES)) {
      throw new InvalidInputException(
          "radiusMetres", "must be more than 0 and at most " + (long) MAX_RADIUS_METRES + " (was " + radiusMetres + ")");
    }
    Texts.positive(window, "window");
    Texts.required(mode, "mode");
  }

  /**
   * A rule that links a repeat automatically.
   *
   * @param radiusMetres more than 0 and at most {@value #MAX_RADIUS_METRES}
   * @param window positive
   * @return the rule
   * @throws InvalidInputException naming the bad argument
   */
  public static DistanceRule link(double radiusMetres, Duration window) {
    return new DistanceRule(radiusMetres, window, Mode.LINK);
  }

  /**
   * A rule that flags a possible repeat for the agent's confirmation.
   *
   * @param radiusMetres more than 0 and at most {@value #MAX_RADIUS_METRES}
   * @param window positive
   * @return the rule
   * @throws InvalidInputException naming the bad argument
   */
  public static DistanceRule confirm(double radiusMetres, Duration window) {
    return new DistanceRule(radiusMetres, window, Mode.CONFIRM);
  }

  /**
   * The box a store is asked about for a registration at a location: it holds the whole circle.
   *
   * @param at the new registration's location
   * @return the box around it
   */
  public GeoBox box(Location at) {
    Objects.requireNonNull(at, "at");
    return GeoBox.around(at.latitude().doubleValue(), at.longitude().doubleValue(), radiusMetres);
  }

  /**
   * The earliest registration instant a repeat of a registration at {@code now} may have.
   *
   * @param now the new registration's instant
   * @return {@code now - window}; a complaint registered at that instant is within the window
   */
  public Instant since(Instant now) {
    return Objects.requireNonNull(now, "now").minus(window);
  }

  /**
   * How far an earlier complaint lies from a new registration, if it is a repeat under this rule:
   * open, of the category, registered within the window, with a location no further than the radius.
   *
   * @param categoryCode the new registration's category
   * @param at the new registration's location
   * @param now the new registration's instant
   * @param earlier the earlier complaint
   * @return its distance in metres, or empty if it is no repeat under this rule
   */
  public OptionalDouble metresIfRepeat(String categoryCode, Location at, Instant now, Complaint earlier) {
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(earlier, "earlier");
    Optional<Location> where = earlier.location();
    if (!earlier.status().isOpen() || !earlier.categoryCode().equals(categoryCode) || where.isEmpty()
        || earlier.registeredAt().isBefore(since(now))) {
      return OptionalDouble.empty();
    }
    double metres = at.metresTo(where.get());
    return metres <= radiusMetres ? OptionalDouble.of(metres) : OptionalDouble.empty();
  }
}
