package org.nivaran.grievance.complaint;

/**
 * The states of a complaint. {@link Lifecycle} holds the table of which command moves a complaint
 * from which state to which.
 */
public enum Status {
  /** Registered, not yet assigned to a post. */
  REGISTERED(true),
  /** Assigned to a post; its holder has not started work. */
  ASSIGNED(true),
  /** The officer is working on it. */
  IN_PROGRESS(true),
  /** The officer asked the citizen for documents or details; the SLA clock pauses. */
  AWAITING_CITIZEN(true),
  /** The officer filed an action-taken reply; awaiting review and the citizen's verification. */
  RESOLVED(true),
  /** A reviewer returned the reply as of poor quality; the officer must reply again. */
  RETURNED(true),
  /** The citizen was not satisfied, or a closed complaint was reopened; back with the post. */
  REOPENED(true),
  /** Closed: the citizen is satisfied, or a supervisor closed it specially. */
  CLOSED(false),
  /** Rejected as a duplicate, out of scope or fake. Final. */
  REJECTED(false),
  /** Withdrawn by the citizen. Final. */
  WITHDRAWN(false);

  private final boolean open;

  Status(boolean open) {
    this.open = open;
  }

  /**
   * Whether work on the complaint is still pending.
   *
   * @return true for every state but {@link #CLOSED}, {@link #REJECTED} and {@link #WITHDRAWN}
   */
  public boolean isOpen() {
    return open;
  }
}
