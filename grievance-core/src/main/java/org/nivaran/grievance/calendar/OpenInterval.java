package org.nivaran.grievance.calendar;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import org.nivaran.grievance.InvalidInputException;

/**
 * Opening hours within one day, half-open: open from {@link #startMinute()} up to but not including
 * {@link #endMinute()}. The end may be {@code 24:00}, the midnight that ends the day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startMinute minutes after midnight the interval opens, 0 to 1439
 * @param endMinute minutes after midnight it closes, after the start, at most 1440 ({@code 24:00})
 */
public record OpenInterval(int startMinute, int endMinute) implements Comparable<OpenInterval> {
  /** Minutes in a day; {@code 24:00}. */
  public static final int DAY_MINUTES = 24 * 60;

  /**
   * Validates the interval.
   *
   * @param startMinute minutes after midnight the interval opens
   * @param endMinute minutes after midnight it closes
   * @throws InvalidInputException (field {@code interval}) if the end is not after the start or
   *     either lies outside the day
   */
  public OpenInterval {
    if (startMinute < 0 || startMinute >= DAY_MINUTES) {
      throw new InvalidInputException("interval", "start must be 00:00 to 23:59 (was minute " + startMinute + ")");
    }
    if (endMinute <= startMinute || endMinute > DAY_MINUTES) {
      throw new InvalidInputException(
          "interval", "end must be after the start and at most 24:00 (was " + text(startMinute) + "-" + text(endMinute) + ")");
    }
  }

  /**
   * An interval from {@code start} to {@code end}.
   *
   * @param start when it opens
   * @param end when it closes; {@link LocalTime#MIDNIGHT} here means {@code 24:00}
   * @return the interval
   */
  public static OpenInterval of(LocalTime start, LocalTime end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    int s = start.getHour() * 60 + start.getMinute();
    int e = end.equals(LocalTime.MIDNIGHT) ? DAY_MINUTES : end.getHour() * 60 + end.getMinute();
    if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
      throw new InvalidInputException("interval", "times are whole minutes (was " + start + "-" + end + ")");
    }
    return new OpenInterval(s, e);
  }

  /**
   * Parses {@code HH:MM-HH:MM}, e.g. {@code 10:00-13:30} or {@code 18:00-24:00}.
   *
   * @param text the interval
   * @return the interval
   * @throws InvalidInputException (field {@code interval}) if malformed
   */
  public static OpenInterval parse(String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
      throw new InvalidInputException("interval", "must be HH:MM-HH:MM, e.g. 10:00-18:00 (was '" + text + "')");
    }
    return new OpenInterval(minute(text.substring(0, 5), text), minute(text.substring(6), text));
  }

  /** The whole day, {@code 00:00-24:00}. */
  public static final OpenInterval ALL_DAY = new OpenInterval(0, DAY_MINUTES);

  private static int minute(String hhmm, String whole) {
    int h = Integer.parseInt(hhmm.substring(0, 2));
    int m = Integer.parseInt(hhmm.substring(3));
    if (m > 59 || h > 24 || (h == 24 && m != 0)) {
      throw new InvalidInputException("interval", "has no such time as " + hhmm + " (was '" + whole + "')");
    }
    return h * 60 + m;
  }

  /**
   * Open minutes in the interval.
   *
   * @return the length in minutes
   */
  public int minutes() {
    return endMinute - startMinute;
  }

  @Override
  public int compareTo(OpenInterval o) {
    return Integer.compare(startMinute, o.startMinute);
  }

  /**
   * {@code HH:MM-HH:MM}.
   *
   * @return the interval as text
   */
  @Override
  public String toString() {
    return text(startMinute) + "-" + text(endMinute);
  }

  private static String text(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }
}
