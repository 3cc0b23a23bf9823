package org.nivaran.grievance.calendar;

import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A calendar was asked for by an id that the {@link CalendarRegistry} does not hold. The exception
 * names the {@link #calendarId() unknown id} and carries every {@link #knownIds() known id}; its
 * message lists the known ids (the first {@value #LISTED_IN_MESSAGE}, then how many more) and
 * points out an id that differs only in case, e.g. {@code unknown calendar 'cg-office'; ids are
 * case-sensitive, did you mean 'CG-OFFICE'? known: CG-OFFICE, HELPLINE-181}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownCalendarException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** The most known ids the message lists; {@link #knownIds()} holds them all. */
  public static final int LISTED_IN_MESSAGE = 20;

  /** @serial the id asked for. */
  private final String calendarId;
  /** @serial the ids the registry holds, in ascending order. */
  private final List<String> knownIds;

  /**
   * Creates the exception.
   *
   * @param calendarId the id that was asked for
   * @param knownIds the ids the registry holds, in ascending order
   */
  public UnknownCalendarException(String calendarId, List<String> knownIds) {
    super(message(Objects.requireNonNull(calendarId, "calendarId"), List.copyOf(Objects.requireNonNull(knownIds, "knownIds"))));
    this.calendarId = calendarId;
    this.knownIds = List.copyOf(knownIds);
  }

  /**
   * The id that was asked for.
   *
   * @return the unknown id, as given
   */
  public String calendarId() {
    return calendarId;
  }

  /**
   * The ids the registry holds.
   *
   * @return an unmodifiable list in ascending order; empty if the registry is empty
   */
  public List<String> knownIds() {
    return knownIds;
  }

  private static String message(String calendarId, List<String> known) {
    String prefix = "unknown calendar '" + calendarId + "'; ";
    for (String id : known) {
      if (id.equalsIgnoreCase(calendarId)) {
        prefix += "ids are case-sensitive, did you mean '" + id + "'? ";
        break;
      }
    }
    if (known.isEmpty()) {
      return prefix + "no calendars are registered";
    }
    String listed = String.join(", ", known.subList(0, Math.min(known.size(), LISTED_IN_MESSAGE)));
    int more = known.size() - LISTED_IN_MESSAGE;
    return prefix + "known: " + listed + (more > 0 ? " and " + more + " more" : "");
  }
}
