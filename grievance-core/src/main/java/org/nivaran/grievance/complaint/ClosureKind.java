package org.nivaran.grievance.complaint;

/** Why a complaint stopped being worked on. */
public enum ClosureKind {
  /** The citizen confirmed they are satisfied (status {@link Status#CLOSED}). */
  SATISFIED,
  /** Closed by a supervisor without the citizen's satisfaction, with a reason ({@link Status#CLOSED}). */
  SPECIAL_CLOSURE,
  /** Rejected as a duplicate of another complaint ({@link Status#REJECTED}). */
  DUPLICATE,
  /** Rejected as outside the administration's scope ({@link Status#REJECTED}). */
  OUT_OF_SCOPE,
  /** Rejected as fake ({@link Status#REJECTED}). */
  FAKE,
  /** Withdrawn by the citizen ({@link Status#WITHDRAWN}). */
  WITHDRAWN,
  /**
   * Closed without the citizen's confirmation: they could not be reached in as many attempts as
   * the verification policy allows ({@link Status#CLOSED}).
   */
  UNCONFIRMED,
  /**
   * Closed with the citizen still not satisfied, after as many reopenings as the verification
   * policy allows ({@link Status#CLOSED}).
   */
  NOT_SATISFIED
}
