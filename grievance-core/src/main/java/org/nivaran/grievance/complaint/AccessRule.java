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
  /**
   * A complaint's priority is set at registration by the call centre or staff, never by the
   * citizen (who gets the category's default); it is changed later by a supervisor or the system
   * ({@link CommandType#CHANGE_PRIORITY} in {@link Lifecycle}'s table).
   */
  PRIORITY_SET_BY_STAFF("a priority is set by the call centre or staff, never by the citizen"),
  /**
   * A grievance's numbers in other systems are given by the call centre, a portal's feed or staff,
   * never by the citizen: a known reference answers with the complaint that holds it, which a
   * citizen quoting someone else's ticket number must not get.
   */
  REFERENCES_SET_BY_STAFF("external references are given by the call centre, a portal or staff, never by the citizen"),
  /** A complaint a supervisor closed specially is reopened by a supervisor only. */
  SUPERVISOR_REOPENS_SPECIAL_CLOSURE("a complaint closed specially is reopened by a supervisor only"),
  /**
   * With a directory, an officer or supervisor acts only from a post the directory in force shows
   * them holding when the command is decided: not from a post held by another officer, a vacant
   * post, a post they were transferred from, or a post the directory does not have. Checked by the
   * use cases ({@code org.nivaran.grievance.usecase}), not by {@link Lifecycle}, which knows no
   * directory.
   */
  OFFICER_HOLDS_POST_IN_DIRECTORY(
      "an officer or supervisor acts only from a post the directory in force shows them holding"),
  /**
   * With a directory, a supervisor acts only on complaints within their post's reach: of the
   * post's department (any department for a {@code NODAL_OFFICER} post) and in the post's
   * jurisdiction or below it (any jurisdiction for a {@code HEAD_OF_DEPARTMENT} post). Checked by
   * the use cases, not by {@link Lifecycle}.
   */
  SUPERVISOR_ACTS_WITHIN_SCOPE(
      "a supervisor acts only on complaints of their post's department and jurisdiction sub-tree"),
  /**
   * A special-closure request is approved or refused by a second person: never from the post that
   * holds the complaint, and, with a directory, only by the approver the special-closure policy
   * names (the holder of the post one level up, or an actor of the configured role).
   */
  SPECIAL_CLOSURE_BY_SECOND_PERSON(
      "a special-closure request is approved or refused by the approver the special-closure policy names, never"
          + " from the complaint's own post"),
  /**
   * An officer asks for a special closure only where the special-closure policy needs one (at the
   * levels it names); elsewhere a supervisor closes specially in one step.
   */
  SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL(
      "an officer asks for a special closure only at a level the special-closure policy names");

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
