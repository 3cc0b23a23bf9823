package org.nivaran.grievance.complaint;

/** What the citizen raised. The helplines register all three alike. */
public enum Kind {
  /** Something is wrong and must be put right. */
  COMPLAINT,
  /** An idea for the administration. */
  SUGGESTION,
  /** A request for a new service or facility. */
  DEMAND
}
