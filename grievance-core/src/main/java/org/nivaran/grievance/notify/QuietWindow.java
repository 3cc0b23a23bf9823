package org.nivaran.grievance.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * The hours of the night in which one message must not be delivered, on the wall clock of the
 * recipient's zone: from {@link #from()} (inclusive) until {@link #until()} (exclusive), across
 * midnight when {@code from} is after {@code until} (21:00–08:00, say). A {@link QuietHours}
 * policy gives a notification its window; the outbox relay holds the message until
 * {@link #nextAllowed} lets it go.
 *
 * <p>Daylight-saving changes follow the zone's rules: a window's end that falls in a gap (a clock
 * moved forward) ends when the gap does, and in an overlap (a clock moved back) at the earlier of
 * the two instants, or the later one for a message due in the repeated hour. Immutable and thread-safe.
 *
 * @param from the local time the quiet hours begin, inclusive
 * @param until the local time they end, exclusive; not equal to {@code from}
 * @param zone the recipient's zone
 */
public record QuietWindow(LocalTime from, LocalTime until, ZoneId zone) {
  /**
   * Validates the fields.
   *
   * @param from the local time the quiet hours begin
   * @param until the local time they end
   * @param zone the recipient's zone
   * @throws InvalidInputException naming {@code quietHours.from}, {@code quietHours.until} or
   *     {@code quietHours.zone}; an empty window ({@code from} equal to {@code until}) is refused
   */
  public QuietWindow {
    Texts.required(from, "quietHours.from");
    Texts.required(until, "quietHours.until");
    Texts.required(zone, "quietHours.zone");
    if (from.equals(until)) {
      throw new InvalidInputException("quietHours.until", "must differ from quietHours.from (both were " + from
          + "); a window that is always or never quiet is not a window");
    }
  }

  /**
   * Whether the instant falls in the quiet hours, on the zone's wall clock.
   *
   * @param at the instant
   * @return true if a message must not be delivered at {@code at}
   */
  public boolean contains(Instant at) {
    LocalTime t = at.atZone(zone).toLocalTime();
    if (from.isBefore(until)) {
      return !t.isBefore(from) && t.isBefore(until);
    }
    return !t.isBefore(from) || t.isBefore(until); // across midnight
  }

  /**
   * The earliest instant, at or after {@code at}, when a message may be delivered: {@code at}
   * itself outside the quiet hours, else the end of the quiet hours it falls in; if a clock change
   * skips the whole allowed time after that end, the end of the next day's quiet hours.
   *
   * @param at the instant the message is due
   * @return {@code at}, or the end of its quiet hours
   */
  public Instant nextAllowed(Instant at) {
    Instant next = at;
    // A clock moved forward can skip the whole allowed time of a day (a window 00:00:01-00:00 on
    // the night the clock jumps from 00:00 to 01:00): the quiet hours then run on to the next
    // day's end. Clock changes are months apart, so the second end is allowed.
    for (int days = 0; days < 3 && contains(next); days++) {
      ZonedDateTime local = next.atZone(zone);
      LocalDate endDate = local.toLocalDate();
      if (from.isAfter(until) && !local.toLocalTime().isBefore(from)) {
        endDate = endDate.plusDays(1); // in the evening part: the quiet hours end tomorrow morning
      }
      next = end(LocalDateTime.of(endDate, until), next);
    }
    return next;
  }

  /**
   * The first instant after {@code at} at which the wall clock shows {@code end}: in a gap, the
   * instant the gap ends; in an overlap, the earlier of the two instants unless {@code at} is past
   * it (a message due in the repeated hour).
   */
  private Instant end(LocalDateTime end, Instant at) {
    ZoneOffsetTransition change = zone.getRules().getTransition(end);
    if (change != null && change.isGap()) {
      return change.getInstant();
    }
    Instant earlier = ZonedDateTime.ofLocal(end, zone, null).withEarlierOffsetAtOverlap().toInstant();
    if (earlier.isAfter(at)) {
      return earlier;
    }
    return ZonedDateTime.ofLocal(end, zone, null).withLaterOffsetAtOverlap().toInstant();
  }

  /**
   * The window as {@code 21:00-08:00 Asia/Kolkata}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return from + "-" + until + " " + zone;
  }
}
