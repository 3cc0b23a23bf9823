package org.nivaran.grievance.notify;

/**
 * Why a recipient gets a notification: as the citizen, as the holder of the post responsible, as
 * a supervisor up the chain, as a head of department or as a district nodal officer; or a
 * source system that holds the grievance.
 *
 * <p>Immutable and thread-safe.
 */
public enum RecipientRole {
  /** The citizen who raised the complaint. */
  CITIZEN("citizen"),
  /** The officer holding the post the complaint is assigned to. */
  POST_HOLDER("holder"),
  /** The officer holding a post above it in the chain. */
  SUPERVISOR("supervisor"),
  /** The officer holding the head-of-department post. */
  HEAD_OF_DEPARTMENT("head"),
  /** The officer holding a district's nodal-officer post. */
  NODAL_OFFICER("nodal"),
  /**
   * Another system that holds the grievance under its own id (a portal, a helpline): its
   * {@link SourceAdapter} is told, no person (see {@link Recipient#source}).
   */
  SOURCE("source");

  private final String key;

  RecipientRole(String key) {
    this.key = key;
  }

  /**
   * The short name used in {@link Notification#id()}, e.g. {@code holder}.
   *
   * @return the lower-case key
   */
  public String key() {
    return key;
  }
}
