package org.nivaran.grievance.calendar;

/** What {@link BusinessCalendar#plus(java.time.Instant, java.time.Duration, DeadlineRounding)} does with a deadline that falls exactly on a closing time. */
public enum DeadlineRounding {
  /** Keep it: the deadline is the closing instant itself (18:00 on the last day). */
  AT_CLOSE,
  /** Move it to the next opening instant (10:00 on the next working day). */
  NEXT_OPENING
}
