/**
 * SLA clocks and policies: {@link org.nivaran.grievance.sla.SlaStopwatch} runs and pauses on a
 * {@link org.nivaran.grievance.calendar.BusinessCalendar}; {@link org.nivaran.grievance.sla.SlaPolicy}
 * gives a category's calendar and budget per level, and per level and
 * {@link org.nivaran.grievance.sla.Priority}; {@link org.nivaran.grievance.sla.SlaTimer} is a
 * complaint's clock in its stored form, re-timed when the complaint's priority changes.
 */
package org.nivaran.grievance.sla;
