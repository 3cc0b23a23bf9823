/**
 * A test kit for business calendars: jqwik arbitraries of calendars, zones, instants and
 * durations ({@link org.nivaran.grievance.tck.calendar.CalendarArbitraries}) and a slow,
 * minute-stepping model to compare a calendar's answers with
 * ({@link org.nivaran.grievance.tck.calendar.ReferenceCalendar}). For tests only.
 */
package org.nivaran.grievance.tck.calendar;
