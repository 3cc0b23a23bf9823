package org.nivaran.grievance.complaint;

/** Why a complaint is rejected. */
public enum RejectionReason {
  /** It repeats another open or closed complaint. */
  DUPLICATE,
  /** It is not a matter for this administration. */
  OUT_OF_SCOPE,
  /** It is fake; the policy may block the caller's number. */
  FAKE;

  ClosureKind closureKind() {
    return switch (this) {
      case DUPLICATE -> ClosureKind.DUPLICATE;
      case OUT_OF_SCOPE -> ClosureKind.OUT_OF_SCOPE;
      case FAKE -> ClosureKind.FAKE;
    };
  }
}
