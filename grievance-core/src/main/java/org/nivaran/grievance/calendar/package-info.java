/**
 * Business calendars: weekly opening hours, holidays, date overrides, closed Saturdays and
 * effective-dated schedules in an IANA zone, with fast arithmetic on open time
 * ({@link org.nivaran.grievance.calendar.BusinessCalendar}). Every SLA deadline is counted on one.
 */
package org.nivaran.grievance.calendar;
