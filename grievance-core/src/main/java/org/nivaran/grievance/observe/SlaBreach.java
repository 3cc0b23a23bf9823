package org.nivaran.grievance.observe;

/**
 * Which SLA deadline an escalation sweep found passed (see {@link EscalationOutcome#breach()}).
 */
public enum SlaBreach {
  /** A level's resolution time ran out. */
  RESOLUTION,
  /** The first-response deadline passed with no contact with the complainant recorded. */
  FIRST_RESPONSE
}
