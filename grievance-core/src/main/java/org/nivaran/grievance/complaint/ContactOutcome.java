package org.nivaran.grievance.complaint;

/**
 * How an officer's contact with the complainant went ({@link ComplaintCommand.RecordContact}).
 * Either outcome meets the first-response duty: an attempt is on record. Immutable and thread-safe.
 */
public enum ContactOutcome {
  /** The officer phoned the complainant and spoke to them. */
  CALL_MADE,
  /** The officer phoned the complainant and could not reach them. */
  NOT_REACHABLE
}
