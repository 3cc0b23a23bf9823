/**
 * SLA clocks and policies: {@link org.nivaran.grievance.sla.SlaStopwatch} runs and pauses on a
 * {@link org.nivaran.grievance.calendar.BusinessCalendar}; {@link org.nivaran.grievance.sla.SlaPolicy}
 * gives a category's calendar and budget per level.
 */
package org.nivaran.grievance.sla;
