package org.nivaran.grievance.complaint;

/**
 * The rules that decide whether an actor may issue a command; an {@link ActorNotPermittedException}
 * names the one that refused.
 */
public enum AccessRule {
  /** Only the roles listed for a command in {@link Lifecycle}'s table may issue it. */
  ROLE_MAY_ISSUE_COMMAND("only the roles listed for a command in the lifecycle table may issue it"),
  /** An officer acts only on complaints assigned to the post they hold. */
  OFFICER_HOLDS_ASSIGNED_POST("an officer acts only on complaints assigned to the post they hold"),
  /** A citizen acts only on their own complaints (matched by phone number). */
  CITIZEN_OWNS_COMPLAINT("a citizen acts only on complaints registered with their own phone number"),
  /** A complaint a supervisor closed specially is reopened by a supervisor only. */
  SUPERVISOR_REOPENS_SPECIAL_CLOSURE("a complaint closed specially is reopened by a supervisor only");

  private final String description;

  AccessRule(String description) {
    this.description = description;
  }

  /**
   * The rule in words.
   *
   * @return a sentence describing the rule
   */
  public String description() {
    return description;
  }
}
